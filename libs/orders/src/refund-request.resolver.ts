import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { Money, MoneyType } from '@chedun/kernel';
import { Order } from './orders.types';
import { RefundRequestRecord } from './refund-request.repository';
import { RefundRequestService } from './refund-request.service';
import {
  DecideRefundRequestInput,
  MerchantRefundRequestsArgs,
  RefundRequest,
  RequestRefundInput,
} from './refund-request.types';

export function toRefundRequest(r: RefundRequestRecord): RefundRequest {
  return {
    id: r.id,
    orderId: r.orderId,
    orderLineId: r.orderLineId,
    productName: r.productName,
    quantity: r.quantity,
    amount: MoneyType.from(Money.of(r.amountMinor, r.currency)),
    reason: r.reason,
    status: r.status,
    automatic: r.automatic,
    decisionReason: r.decisionReason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

@Resolver(() => RefundRequest)
export class RefundRequestResolver {
  constructor(private readonly requests: RefundRequestService) {}

  @Mutation(() => RefundRequest, {
    description:
      "The buyer only, on a paid line. quantity omitted = what is left of the line. An experience inside its product's cancellation policy " +
      'is APPROVED and refunded at once; everything else waits for the merchant. One open request per line (CONFLICT).',
  })
  async requestRefund(@CurrentActor() actor: Actor, @Args('input') input: RequestRefundInput): Promise<RefundRequest> {
    return toRefundRequest(await this.requests.request(actor, input));
  }

  @Mutation(() => RefundRequest, {
    description:
      "Staff of the line's merchant only. approve: true refunds through the payment provider and the ledger, as refundOrderLine does; false needs a reason the buyer reads.",
  })
  async decideRefundRequest(
    @CurrentActor() actor: Actor,
    @Args('input') input: DecideRefundRequestInput,
  ): Promise<RefundRequest> {
    return toRefundRequest(await this.requests.decide(actor, input));
  }

  @Query(() => [RefundRequest], {
    description:
      "The merchant's refund requests in one status (the open queue, REQUESTED, by default), oldest first, for its staff.",
  })
  async merchantRefundRequests(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantRefundRequestsArgs,
  ): Promise<RefundRequest[]> {
    return (await this.requests.merchantQueue(actor, args.merchantId, args.status, args.first)).map(toRefundRequest);
  }
}

/** An order's refund requests, for the lines its reader sees (a merchant's view holds only its own lines). */
@Resolver(() => Order)
export class OrderRefundRequestsResolver {
  constructor(private readonly requests: RefundRequestService) {}

  @ResolveField(() => [RefundRequest], { description: 'Refund requests of the lines shown, oldest first.' })
  async refundRequests(@Parent() order: Order): Promise<RefundRequest[]> {
    const shown = new Set(order.lines.map((l) => l.id));
    return (await this.requests.ofOrders([order.id])).filter((r) => shown.has(r.orderLineId)).map(toRefundRequest);
  }
}
