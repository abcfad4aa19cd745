import { Injectable, Logger } from '@nestjs/common';
import { DomainError, isId, Money, readMinorUnits } from '@chedun/kernel';
import { TransferReversed } from '@chedun/payments';
import { EntityManager } from 'typeorm';
import { JournalService } from './journal.service';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { PayoutEntity, PayoutStatus } from './payout.entity';
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

  constructor(private readonly journal: JournalService) {}

  async onTransferReversed(event: TransferReversed, m: EntityManager): Promise<void> {
    const payout = await m.getRepository(PayoutEntity).findOne({
      where: [{ providerTransferId: event.providerTransferId }, ...(event.payoutId && isId(event.payoutId) ? [{ id: event.payoutId }] : [])],
      lock: { mode: 'pessimistic_write' },
    });
    if (!payout) {
      this.logger.warn({ providerTransferId: event.providerTransferId }, 'Reversal of a transfer the marketplace did not make');
      return;
    }
    if (payout.status === PayoutStatus.FAILED) return;
    if (payout.status === PayoutStatus.IN_TRANSIT) {
      // The reversal overtook our record of the transfer: failing makes the provider deliver it again, after settlement.
      throw DomainError.conflict('The payout this reversal is for is still in transit; retry later', { payoutId: payout.id });
    }
    if (event.reversedTotal.currency !== payout.currency) {
      this.logger.warn({ payoutId: payout.id, currency: event.reversedTotal.currency }, 'Transfer reversal in another currency than its payout');
      return;
    }
    const total = Math.min(event.reversedTotal.amountMinor, payout.amountMinor);
    const [row] = (await m.query(
      `SELECT coalesce(sum(p.amount_minor), 0)::text AS returned
         FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id AND a.purpose = 'PAYMENT_CLEARING'
        WHERE e.kind = 'PAYOUT' AND e.source_id LIKE $1`,
      [`payout:${payout.id}:reversed:%`],
    )) as { returned: string }[];
    const newly = total - readMinorUnits(row?.returned ?? '0');
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
