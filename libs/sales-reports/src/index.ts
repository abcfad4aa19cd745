/**
 * Sales-reports context: merchants report their sales outside the marketplace per license and month (form or
 * spreadsheet), studios accept or dispute them, accepted reports post their royalty through the ledger's
 * `ReportedRoyaltyService`, and merchants are reminded of missing months.
 */
export { SalesReportsModule } from './sales-reports.module';
export { SalesReportReminderService } from './sales-report-reminder.service';
export { SalesReportStatus, salesReportLifecycle } from './sales-report-lifecycle';
