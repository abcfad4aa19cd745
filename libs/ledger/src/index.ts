/**
 * Ledger context: double-entry journal, revenue split, royalty reports and statements (CSV and PDF),
 * reconciliation, and payouts.
 *
 * Payouts (`PayoutService`, Stripe Connect transfers through the payments context's `PaymentGateway`) draw a
 * party's payable account down with PAYOUT entries: debit STUDIO_ROYALTIES_PAYABLE / MERCHANT_PAYABLE, credit
 * PAYOUTS_IN_TRANSIT; then clear PAYOUTS_IN_TRANSIT against PAYMENT_CLEARING when the transfer exists, or back to
 * the payable when the provider refuses it.
 */
// Only what the app, other contexts and the tests import; the entities, the split maths and the other services stay
// inside the context (the module registers and provides them).
export { LedgerModule } from './ledger.module';
export { AccountPurpose } from './ledger-account.entity';
export { JournalEntryKind } from './journal-entry.entity';
export { JournalService } from './journal.service';
export { ReportedRoyaltyService } from './reported-royalty.service';
export type { AcceptedSalesReport, ReportedRoyaltyPosted } from './reported-royalty.service';
export { royaltyOf } from './revenue-split';
export { shanghaiMonth } from './shanghai-period';
export { RoyaltySource } from './ledger.types';
export { RoyaltyStatementService } from './royalty-statement.service';
export { csvLineSql, csvRow, formatMajorUnits } from './csv';
export { streamCsv } from './csv-export.repository';
export { PayoutScheduleJob } from './payout-schedule.job';
export { payoutLifecycle } from './payout-lifecycle';
export { royaltyStatementLifecycle } from './royalty-statement-lifecycle';
