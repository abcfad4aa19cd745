/**
 * Ledger context: double-entry journal, revenue split, royalty reports and statements (CSV and PDF),
 * reconciliation, and payouts.
 *
 * Payouts (`PayoutService`, Stripe Connect transfers through the payments context's `PaymentGateway`) draw a
 * party's payable account down with PAYOUT entries: debit STUDIO_ROYALTIES_PAYABLE / MERCHANT_PAYABLE, credit
 * PAYOUTS_IN_TRANSIT; then clear PAYOUTS_IN_TRANSIT against PAYMENT_CLEARING when the transfer exists, or back to
 * the payable when the provider refuses it.
 */
export * from './ledger.module';
export * from './ledger.entity';
export * from './journal.service';
export * from './revenue-split';
export * from './ledger-views.service';
export * from './license-settlement';
export { LicenseTermsService, SignedLicenseTerms } from './license-terms.service';
export { RoyaltyReportService } from './royalty-report.service';
export { RoyaltyStatementService } from './royalty-statement.service';
export { ReconciliationService } from './reconciliation.service';
export { csvLineSql, csvRow, streamCsv } from './csv';
export { PayoutService } from './payout.service';
export { PayoutScheduleJob } from './payout-schedule.job';
export { payoutLifecycle } from './payout-lifecycle';
export { royaltyStatementLifecycle } from './royalty-statement-lifecycle';
