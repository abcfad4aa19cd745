/**
 * Ledger context: double-entry journal, revenue split, royalty reports and statements, reconciliation.
 *
 * Payouts seam: a payouts use case (Stripe Connect transfers, payments context) draws a party's payable account
 * down by posting a PAYOUT entry through `JournalService.post` (debit STUDIO_ROYALTIES_PAYABLE / MERCHANT_PAYABLE,
 * credit PAYOUTS_IN_TRANSIT; then clear PAYOUTS_IN_TRANSIT against PAYMENT_CLEARING when the transfer settles, or
 * reverse it when the transfer fails). `LedgerViewsService.merchantSales` already shows the payable balance.
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
