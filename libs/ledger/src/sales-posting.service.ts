import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { OrganizationService } from '@chedun/identity';
import { DomainError, Money, OrderLineRefunded, OrderPaid, PaidShippingFee } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { JournalService, PostingLine } from './journal.service';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { MerchantFeeRateRepository } from './merchant-fee-rate.repository';
import { SaleLineRepository } from './sale-line.repository';
import {
  LineSplit,
  refundPostings,
  refundReversal,
  salePostings,
  shippingFeePostings,
  shippingFeeRefundPostings,
  SplitPosting,
  splitLine,
} from './revenue-split';
import { ShippingFeeRepository } from './shipping-fee.repository';

/**
 * Posts the revenue split of every paid line and the reversal of every refund, inside the transaction of the
 * order change that causes it. Both are idempotent: a replayed event finds its row and posts nothing.
 */
@Injectable()
export class SalesPostingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly journal: JournalService,
    private readonly organizations: OrganizationService,
    private readonly saleLines: SaleLineRepository,
    private readonly feeRates: MerchantFeeRateRepository,
    private readonly shippingFees: ShippingFeeRepository,
  ) {}

  async onOrderPaid(event: OrderPaid, manager: EntityManager): Promise<void> {
    await this.postShippingFees(event, manager);
    if (event.lines.length === 0) return;
    // A line already split has its SALE entry: posting it again finds that entry and writes nothing (below), so a
    // replay needs no look-up first, and a first sale (every other case) spends no statement on one.
    const { lines } = event;

    const names = new Map(
      (await this.organizations.profiles([...new Set(lines.flatMap((l) => [l.studioId, l.merchantId]))], manager)).map(
        (o) => [o.id, o.name],
      ),
    );
    const merchantIds = [...new Set(lines.map((l) => l.merchantId))];
    const rates = await this.feeRates.forManager(manager).ratesOf(merchantIds);

    for (const line of lines) {
      const feeBps = rates.get(line.merchantId) ?? this.config.ledger.platformFeeBps;
      const split = splitLine(Money.of(line.netMinor, event.currency), line.royaltyBps, feeBps);
      await this.journal.post(manager, {
        kind: JournalEntryKind.SALE,
        sourceId: line.orderLineId,
        occurredAt: event.paidAt,
        memo: `Order ${event.orderId} line ${line.orderLineId}`,
        postings: this.toPostingLines(salePostings(split), line),
        // Written with the entry; a replayed line finds its entry and writes neither.
        split: {
          orderLineId: line.orderLineId,
          orderId: event.orderId,
          studioId: line.studioId,
          studioName: names.get(line.studioId) ?? line.studioId,
          merchantId: line.merchantId,
          merchantName: names.get(line.merchantId) ?? line.merchantId,
          licenseId: line.licenseId,
          filmIpId: line.filmIpId,
          productId: line.productId,
          productName: line.productName,
          productNameZh: line.productNameZh ?? null,
          currency: split.gross.currency,
          grossMinor: split.gross.amountMinor,
          royaltyBps: line.royaltyBps,
          feeBps,
          royaltyMinor: split.royalty.amountMinor,
          feeMinor: split.fee.amountMinor,
          merchantMinor: split.merchant.amountMinor,
          refundedMinor: 0,
          royaltyReversedMinor: 0,
          feeReversedMinor: 0,
          merchantReversedMinor: 0,
          paidAt: event.paidAt,
        },
      });
    }
  }

  async onOrderLineRefunded(event: OrderLineRefunded, manager: EntityManager): Promise<void> {
    const saleLines = this.saleLines.forManager(manager);
    // The line's row is locked first so refunds of one line take turns, each seeing the others' totals and ids.
    const line = await saleLines.lockSplit(event.orderLineId);
    if (!line) throw DomainError.conflict('The ledger has no paid line to refund', { orderLineId: event.orderLineId });
    if (event.shippingFee) await this.reverseShippingFee(event, event.shippingFee, line.merchantId, manager);
    if (await saleLines.hasRefund(event.refundId)) return;
    if (event.currency !== line.currency) {
      throw DomainError.conflict('A refund must be in the currency of its line', { orderLineId: event.orderLineId });
    }
    if (
      event.refundedBeforeMinor !== line.refundedMinor ||
      event.refundedAfterMinor !== event.refundedBeforeMinor + event.amountMinor
    ) {
      throw DomainError.conflict('The refund does not follow the refunds the ledger holds for this line', {
        orderLineId: event.orderLineId,
        ledgerRefundedMinor: line.refundedMinor,
        refundedBeforeMinor: event.refundedBeforeMinor,
      });
    }
    const split: LineSplit = {
      gross: Money.of(line.grossMinor, line.currency),
      royalty: Money.of(line.royaltyMinor, line.currency),
      fee: Money.of(line.feeMinor, line.currency),
      merchant: Money.of(line.merchantMinor, line.currency),
    };
    const reversal = refundReversal(split, event.refundedBeforeMinor, event.refundedAfterMinor);
    const entryId = await this.journal.post(manager, {
      kind: JournalEntryKind.REFUND,
      sourceId: event.refundId,
      occurredAt: event.refundedAt,
      memo: `Refund ${event.refundId} of order ${event.orderId} line ${event.orderLineId}`,
      postings: this.toPostingLines(refundPostings(reversal), line),
    });
    if (!entryId)
      throw DomainError.conflict('This refund id was already posted for another line', { refundId: event.refundId });
    await saleLines.insertRefund({
      refundId: event.refundId,
      orderLineId: line.orderLineId,
      entryId,
      studioId: line.studioId,
      merchantId: line.merchantId,
      currency: line.currency,
      amountMinor: reversal.amount.amountMinor,
      refundedBeforeMinor: event.refundedBeforeMinor,
      refundedAfterMinor: event.refundedAfterMinor,
      royaltyReversalMinor: reversal.royalty.amountMinor,
      feeReversalMinor: reversal.fee.amountMinor,
      merchantReversalMinor: reversal.merchant.amountMinor,
      refundedAt: event.refundedAt,
    });
    await saleLines.addReversal(line.orderLineId, {
      amountMinor: reversal.amount.amountMinor,
      royaltyMinor: reversal.royalty.amountMinor,
      feeMinor: reversal.fee.amountMinor,
      merchantMinor: reversal.merchant.amountMinor,
    });
  }

  /**
   * Each merchant's shipping fee, whole, to its payable: one SALE entry per order and merchant, outside the line
   * splits (no royalty, no platform fee), so statements and fee reports never count it. Replays post nothing.
   */
  private async postShippingFees(event: OrderPaid, manager: EntityManager): Promise<void> {
    for (const fee of (event.shippingFees ?? []).filter((f) => f.feeMinor > 0)) {
      const amount = Money.of(fee.feeMinor, event.currency);
      const entryId = await this.journal.post(manager, {
        kind: JournalEntryKind.SALE,
        sourceId: `shipping:${event.orderId}:${fee.merchantId}`,
        occurredAt: event.paidAt,
        memo: `Order ${event.orderId} shipping fee of merchant ${fee.merchantId}`,
        postings: this.toPostingLines(shippingFeePostings(amount), {
          studioId: fee.merchantId,
          merchantId: fee.merchantId,
        }),
      });
      if (!entryId) continue;
      await this.shippingFees.forManager(manager).insert({
        orderId: event.orderId,
        merchantId: fee.merchantId,
        entryId,
        currency: event.currency,
        feeMinor: fee.feeMinor,
        paidAt: event.paidAt,
      });
    }
  }

  /**
   * Gives a merchant's shipping fee back whole, once: REFUND entry `shipping:<order>:<merchant>` mirrors the fee's SALE
   * entry and `sale_shipping_fee_refunds` records it. A replayed event (same refund) posts nothing; a second refund
   * carrying the same fee, or a fee that is not the one posted, is refused.
   */
  private async reverseShippingFee(
    event: OrderLineRefunded,
    shipping: PaidShippingFee,
    lineMerchantId: string,
    manager: EntityManager,
  ): Promise<void> {
    const fees = this.shippingFees.forManager(manager);
    const fee = await fees.lockFee(event.orderId, shipping.merchantId);
    if (!fee || shipping.merchantId !== lineMerchantId) {
      throw DomainError.conflict('The ledger has no shipping fee of this merchant on the order to refund', {
        orderId: event.orderId,
        merchantId: shipping.merchantId,
      });
    }
    const earlier = await fees.refundOf(event.orderId, shipping.merchantId);
    if (earlier?.refundId === event.refundId) return;
    if (earlier) {
      throw DomainError.conflict('This shipping fee was already refunded', {
        orderId: event.orderId,
        merchantId: shipping.merchantId,
        refundId: earlier.refundId,
      });
    }
    if (fee.currency !== event.currency || fee.feeMinor !== shipping.feeMinor) {
      throw DomainError.conflict('A shipping fee is refunded whole, in its currency', {
        orderId: event.orderId,
        merchantId: shipping.merchantId,
        feeMinor: fee.feeMinor,
        refundMinor: shipping.feeMinor,
      });
    }
    const amount = Money.of(fee.feeMinor, fee.currency);
    const entryId = await this.journal.post(manager, {
      kind: JournalEntryKind.REFUND,
      sourceId: `shipping:${event.orderId}:${shipping.merchantId}`,
      occurredAt: event.refundedAt,
      memo: `Refund ${event.refundId} of order ${event.orderId}: shipping fee of merchant ${shipping.merchantId}`,
      postings: this.toPostingLines(shippingFeeRefundPostings(amount), {
        studioId: shipping.merchantId,
        merchantId: shipping.merchantId,
      }),
    });
    if (!entryId) throw DomainError.conflict('This shipping fee was already refunded', { refundId: event.refundId });
    await fees.insertRefund({
      orderId: event.orderId,
      merchantId: shipping.merchantId,
      refundId: event.refundId,
      entryId,
      currency: fee.currency,
      amountMinor: fee.feeMinor,
      refundedAt: event.refundedAt,
    });
  }

  private toPostingLines(postings: SplitPosting[], line: { studioId: string; merchantId: string }): PostingLine[] {
    const partyOf: Record<SplitPosting['purpose'], string | null> = {
      PAYMENT_CLEARING: null,
      STUDIO_ROYALTIES_PAYABLE: line.studioId,
      PLATFORM_FEE_REVENUE: null,
      MERCHANT_PAYABLE: line.merchantId,
    };
    return postings.map((p) => ({ purpose: AccountPurpose[p.purpose], partyId: partyOf[p.purpose], amount: p.amount }));
  }
}
