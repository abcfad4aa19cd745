import { Injectable, Logger } from '@nestjs/common';
import { DomainError, isId, Money } from '@chedun/kernel';
import { TransferReversed } from '@chedun/payments';
import { EntityManager } from 'typeorm';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { PayoutStatus } from './payout.entity';
import { PayoutRepository } from './payout.repository';
import { PAYABLE } from './payout.service';

/**
 * Returns a reversed payout transfer's money to the payee's payable: entry `payout:<id>:reversed:<total>` moves the
 * newly reversed amount PAYMENT_CLEARING ← payable (the platform holds it again and owes it again). Reversal news is
 * cumulative, so under the payout's row lock the amount is the provider's total less what earlier reversal entries
 * returned: a duplicate or an older total posts nothing, and the entry's key makes a concurrent twin post nothing.
 * The payout stays PAID and its subject paid: a reversal is the platform's own decision (a dispute, a clawback), so
 * paying the amount again is left to an operator, not the scheduler.
 */
@Injectable()
export class PayoutReversalService {
  private readonly logger = new Logger(PayoutReversalService.name);

  constructor(
    private readonly journal: JournalService,
    private readonly payouts: PayoutRepository,
    private readonly entries: JournalRepository,
  ) {}

  async onTransferReversed(event: TransferReversed, m: EntityManager): Promise<void> {
    const payout = await this.payouts
      .forManager(m)
      .lockOfTransfer(event.providerTransferId, event.payoutId && isId(event.payoutId) ? event.payoutId : null);
    if (!payout) {
      this.logger.warn(
        { providerTransferId: event.providerTransferId },
        'Reversal of a transfer the marketplace did not make',
      );
      return;
    }
    if (payout.status === PayoutStatus.FAILED) return;
    if (payout.status === PayoutStatus.IN_TRANSIT) {
      // The reversal overtook our record of the transfer: failing makes the provider deliver it again, after settlement.
      throw DomainError.conflict('The payout this reversal is for is still in transit; retry later', {
        payoutId: payout.id,
      });
    }
    if (event.reversedTotal.currency !== payout.currency) {
      this.logger.warn(
        { payoutId: payout.id, currency: event.reversedTotal.currency },
        'Transfer reversal in another currency than its payout',
      );
      return;
    }
    const total = Math.min(event.reversedTotal.amountMinor, payout.amountMinor);
    const newly = total - (await this.entries.forManager(m).returnedByPayoutReversals(payout.id));
    if (newly <= 0) return;
    const amount = Money.of(newly, payout.currency);
    await this.journal.post(m, {
      kind: JournalEntryKind.PAYOUT,
      sourceId: `payout:${payout.id}:reversed:${total}`,
      occurredAt: event.occurredAt,
      memo: `Payout ${payout.id}: transfer ${event.providerTransferId} reversed to ${total}; ${newly} returned to payable`,
      postings: [
        { purpose: AccountPurpose.PAYMENT_CLEARING, partyId: null, amount },
        { purpose: PAYABLE[payout.payeeKind], partyId: payout.organizationId, amount: amount.negate() },
      ],
    });
  }
}
