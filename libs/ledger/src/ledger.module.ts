import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventBus } from '@chedun/db';
import { IdentityModule } from '@chedun/identity';
import { OrdersModule } from '@chedun/orders';
import { PaymentsModule, TransferReversed } from '@chedun/payments';
import { OrderLineRefunded, OrderPaid } from '@chedun/kernel';
import { CsvExportRepository } from './csv-export.repository';
import { JournalRepository } from './journal.repository';
import { LedgerAccountRepository } from './ledger-account.repository';
import { LicenseTermsRepository } from './license-terms.repository';
import { MerchantFeeRateRepository } from './merchant-fee-rate.repository';
import { PayoutRepository } from './payout.repository';
import { ReconciliationRepository } from './reconciliation.repository';
import { RoyaltyReportRepository } from './royalty-report.repository';
import { RoyaltyStatementRepository } from './royalty-statement.repository';
import { SaleLineRepository } from './sale-line.repository';
import { ShareActivityRepository } from './share-activity.repository';
import { JournalEntryEntity } from './journal-entry.entity';
import { JournalService } from './journal.service';
import { LedgerAdminResolver, LicenseTermsResolver } from './ledger-admin.resolver';
import { LicenseTermsEntity } from './license-terms.entity';
import { LicenseTermsService } from './license-terms.service';
import { LedgerAccountEntity } from './ledger-account.entity';
import { LedgerPostingEntity } from './ledger-posting.entity';
import { LedgerViewsService } from './ledger-views.service';
import { MerchantFeeRateEntity } from './merchant-fee-rate.entity';
import { PayoutEntity } from './payout.entity';
import { PayoutResolver } from './payout.resolver';
import { PayoutReversalService } from './payout-reversal.service';
import { PayoutScheduleJob } from './payout-schedule.job';
import { PayoutService } from './payout.service';
import { ProviderReconciliationService } from './provider-reconciliation.service';
import { ReconciliationService } from './reconciliation.service';
import { ReportedRoyaltyRepository } from './reported-royalty.repository';
import { ReportedRoyaltyService } from './reported-royalty.service';
import { ReportsController } from './reports.controller';
import { RoyaltyReportResolver } from './royalty-report.resolver';
import { RoyaltyReportService } from './royalty-report.service';
import { RoyaltyStatementLineEntity } from './royalty-statement-line.entity';
import { RoyaltyStatementEntity } from './royalty-statement.entity';
import { RoyaltyStatementResolver } from './royalty-statement.resolver';
import { RoyaltyStatementService } from './royalty-statement.service';
import { SaleLineRefundEntity } from './sale-line-refund.entity';
import { SaleLineSplitEntity } from './sale-line-split.entity';
import { SalesPostingService } from './sales-posting.service';
import { ShippingFeeRepository } from './shipping-fee.repository';

/** The ledger's own tables: only this module registers them. */
const LEDGER_ENTITIES = [
  LicenseTermsEntity,
  LedgerAccountEntity,
  JournalEntryEntity,
  LedgerPostingEntity,
  MerchantFeeRateEntity,
  SaleLineSplitEntity,
  SaleLineRefundEntity,
  RoyaltyStatementEntity,
  RoyaltyStatementLineEntity,
  PayoutEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(LEDGER_ENTITIES), IdentityModule, PaymentsModule, OrdersModule],
  controllers: [ReportsController],
  providers: [
    JournalRepository,
    LedgerAccountRepository,
    SaleLineRepository,
    MerchantFeeRateRepository,
    LicenseTermsRepository,
    RoyaltyReportRepository,
    RoyaltyStatementRepository,
    CsvExportRepository,
    ShareActivityRepository,
    ReconciliationRepository,
    PayoutRepository,
    JournalService,
    SalesPostingService,
    ShippingFeeRepository,
    RoyaltyReportService,
    RoyaltyStatementService,
    LedgerViewsService,
    ReconciliationService,
    ProviderReconciliationService,
    RoyaltyReportResolver,
    RoyaltyStatementResolver,
    LedgerAdminResolver,
    LicenseTermsService,
    LicenseTermsResolver,
    PayoutService,
    PayoutResolver,
    PayoutReversalService,
    PayoutScheduleJob,
    ReportedRoyaltyRepository,
    ReportedRoyaltyService,
  ],
  exports: [
    ReportedRoyaltyService,
    JournalService,
    LedgerViewsService,
    LicenseTermsService,
    PayoutService,
    RoyaltyStatementService,
  ],
})
export class LedgerModule implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly sales: SalesPostingService,
    private readonly reversals: PayoutReversalService,
  ) {}

  /** Splits are posted in the transaction that marks the order paid or refunds the line: no paid line can miss one. */
  onModuleInit(): void {
    this.bus.subscribe<OrderPaid>('OrderPaid', (event, manager) => this.sales.onOrderPaid(event, manager));
    this.bus.subscribe<OrderLineRefunded>('OrderLineRefunded', (event, manager) =>
      this.sales.onOrderLineRefunded(event, manager),
    );
    this.bus.subscribe<TransferReversed>('TransferReversed', (event, manager) =>
      this.reversals.onTransferReversed(event, manager),
    );
  }
}
