import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, decodeCursor } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { OrderLineRepository } from './order-line.repository';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { RatingSummaryRow, ReviewRecord, ReviewReportRecord, ReviewRepository } from './review.repository';
import { TicketRepository } from './ticket.repository';

/**
 * Verified-buyer reviews. They live in orders, not catalog: only orders knows who bought a line and whether it was
 * handed over (shipped, picked up, or its tickets redeemed), and catalog may not use orders. The product's rating
 * and reviews are fields orders adds to catalog's Product type, which the allowed direction (orders → catalog) permits.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly clock: Clock,
  ) {}

  /** The line's buyer only (to anyone else it does not exist), once per line, after hand-over. */
  async review(
    actor: Actor,
    input: { orderLineId: string; rating: number; text?: string | null },
  ): Promise<ReviewRecord> {
    const id = await this.dataSource.transaction(async (manager) => {
      const line = await this.orderLines.forManager(manager).findById(input.orderLineId);
      const order = line ? await this.orders.forManager(manager).findById(line.orderId) : null;
      if (!line || !order || order.buyerUserId !== actor.userId)
        throw OrdersException.notFound('Order line', input.orderLineId);
      const handedOver =
        line.fulfilledAt !== null ||
        (line.kind === 'EXPERIENCE' && (await this.tickets.forManager(manager).anyRedeemedOfLine(line.id)));
      if (!handedOver)
        throw OrdersException.conflict('A line can be reviewed once it was picked up, shipped or redeemed', {
          orderLineId: line.id,
        });
      const created = await this.reviews.forManager(manager).insertOnce({
        orderLineId: line.id,
        productId: line.productId,
        merchantId: line.merchantId,
        buyerUserId: actor.userId,
        rating: input.rating,
        text: input.text ? input.text : null,
        createdAt: this.clock.now(),
      });
      if (!created) throw OrdersException.conflict('This line was already reviewed', { orderLineId: line.id });
      return created;
    });
    return (await this.reviews.findById(id))!;
  }

  /** Staff of the reviewed line's merchant only: a public reply under the review, replacing an earlier one. */
  async reply(actor: Actor, input: { reviewId: string; text: string }): Promise<ReviewRecord> {
    const review = await this.reviews.findById(input.reviewId);
    if (!review || !actor.isMemberOf(review.merchantId, OrganizationKind.MERCHANT))
      throw OrdersException.notFound('Review', input.reviewId);
    await this.reviews.setReply(review.id, input.text, actor.userId, this.clock.now());
    return (await this.reviews.findById(review.id))!;
  }

  /** Any signed-in user reports a review as abusive to the platform; once per user and review (CONFLICT after). */
  async report(actor: Actor, input: { reviewId: string; reason: string }): Promise<string> {
    const review = await this.reviews.findById(input.reviewId);
    if (!review) throw OrdersException.notFound('Review', input.reviewId);
    const id = await this.reviews.reportOnce(review.id, actor.userId, input.reason, this.clock.now());
    if (!id) throw OrdersException.conflict('You already reported this review', { reviewId: review.id });
    return id;
  }

  /** The platform's queue of reported reviews, newest first. */
  reported(actor: Actor, first: number): Promise<ReviewReportRecord[]> {
    if (!actor.isPlatform) throw OrdersException.forbidden('Only the platform reads reported reviews');
    return this.reviews.reports(first);
  }

  summaries(productIds: readonly string[]): Promise<RatingSummaryRow[]> {
    return this.reviews.summaries(productIds);
  }

  ofLines(orderLineIds: readonly string[]): Promise<ReviewRecord[]> {
    return this.reviews.ofLines(orderLineIds);
  }

  /** The product's reviews after the cursor, newest first, `first + 1` rows at most (the extra one says there is more). */
  async page(productId: string, first: number, after: string | null | undefined): Promise<ReviewRecord[]> {
    let key: { createdAt: string; id: string } | null = null;
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      if (
        typeof createdAt !== 'string' ||
        Number.isNaN(Date.parse(createdAt)) ||
        typeof id !== 'string' ||
        !UUID.test(id)
      ) {
        throw OrdersException.badInput('The cursor is not one this API handed out', { after });
      }
      key = { createdAt, id };
    }
    return this.reviews.pageOfProduct(productId, first + 1, key);
  }
}
