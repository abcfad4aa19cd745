import { Module } from '@nestjs/common';
import { CatalogModule } from '@chedun/catalog';
import { IdentityModule } from '@chedun/identity';
import { LedgerModule } from '@chedun/ledger';
import { LicensingModule } from '@chedun/licensing';
import { SalesReportController } from './sales-report.controller';
import { SalesReportQueryService } from './sales-report-query.service';
import { SalesReportReminderJob } from './sales-report-reminder.job';
import { SalesReportReminderService } from './sales-report-reminder.service';
import { SalesReportRepository } from './sales-report.repository';
import { SalesReportResolver } from './sales-report.resolver';
import { SalesReportService } from './sales-report.service';

/**
 * Sales reported from shops: its own context because a report is checked against the license (licensing) and the
 * merchant's approved products (catalog, which depends on licensing), and posts to the ledger when accepted; licensing
 * can reach neither catalog nor the ledger without a cycle.
 */
@Module({
  imports: [IdentityModule, LicensingModule, CatalogModule, LedgerModule],
  controllers: [SalesReportController],
  providers: [
    SalesReportRepository,
    SalesReportService,
    SalesReportQueryService,
    SalesReportReminderService,
    SalesReportReminderJob,
    SalesReportResolver,
  ],
})
export class SalesReportsModule {}
