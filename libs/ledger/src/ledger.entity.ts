import { bigintMinorUnits } from '@chedun/db';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum AccountPurpose {
  PAYMENT_CLEARING = 'PAYMENT_CLEARING',
  STUDIO_ROYALTIES_PAYABLE = 'STUDIO_ROYALTIES_PAYABLE',
  MERCHANT_PAYABLE = 'MERCHANT_PAYABLE',
  PLATFORM_FEE_REVENUE = 'PLATFORM_FEE_REVENUE',
  ADVANCES_RECEIVABLE = 'ADVANCES_RECEIVABLE',
  ADVANCES_RECOUPED = 'ADVANCES_RECOUPED',
  PAYOUTS_IN_TRANSIT = 'PAYOUTS_IN_TRANSIT',
}

export enum JournalEntryKind {
  SALE = 'SALE',
  REFUND = 'REFUND',
  ADJUSTMENT = 'ADJUSTMENT',
  PAYOUT = 'PAYOUT',
}

/** One account per purpose and party (studio, merchant, license; none for the platform's own) and currency. */
@Entity('ledger_accounts')
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  purpose!: AccountPurpose;

  @Column('uuid', { name: 'party_id', nullable: true })
  partyId!: string | null;

  @Column('char', { length: 3 })
  currency!: string;

  /** Kept by a trigger on every posting; reconciliation proves it equals the sum of the postings. */
  @Column({ type: 'bigint', name: 'balance_minor', transformer: bigintMinorUnits })
  balanceMinor!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Append-only (database triggers); its postings sum to zero per currency at commit. */
@Entity('journal_entries')
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: JournalEntryKind;

  /** What caused it (order line, refund): unique per kind, so replaying a cause never posts twice. */
  @Column('text', { name: 'source_id' })
  sourceId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text')
  memo!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('ledger_postings')
export class LedgerPostingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  /** Positive debits the account, negative credits it. */
  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;
}

/** The platform's rate for one merchant, overriding PLATFORM_FEE_BPS. */
@Entity('merchant_fee_rates')
export class MerchantFeeRateEntity {
  @PrimaryColumn('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('int', { name: 'fee_bps' })
  feeBps!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** How one paid order line was split, with the names as they were when it sold. One row per line, ever. */
@Entity('sale_line_splits')
export class SaleLineSplitEntity {
  @PrimaryColumn('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('uuid', { name: 'order_id' })
  orderId!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('text', { name: 'studio_name' })
  studioName!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text', { name: 'merchant_name' })
  merchantName!: string;

  @Column('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('text', { name: 'product_name' })
  productName!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column('int', { name: 'royalty_bps' })
  royaltyBps!: number;

  @Column('int', { name: 'fee_bps' })
  feeBps!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;

  @Column({ type: 'bigint', name: 'fee_minor', transformer: bigintMinorUnits })
  feeMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_minor', transformer: bigintMinorUnits })
  merchantMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_reversed_minor', transformer: bigintMinorUnits })
  royaltyReversedMinor!: number;

  @Column({ type: 'bigint', name: 'fee_reversed_minor', transformer: bigintMinorUnits })
  feeReversedMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_reversed_minor', transformer: bigintMinorUnits })
  merchantReversedMinor!: number;

  @Column('timestamptz', { name: 'paid_at' })
  paidAt!: Date;

  @Column('uuid', { name: 'statement_id', nullable: true })
  statementId!: string | null;
}

/** One refund of part of a line and what it took back from each share. */
@Entity('sale_line_refunds')
export class SaleLineRefundEntity {
  @PrimaryColumn('uuid', { name: 'refund_id' })
  refundId!: string;

  @Column('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_before_minor', transformer: bigintMinorUnits })
  refundedBeforeMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_after_minor', transformer: bigintMinorUnits })
  refundedAfterMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_reversal_minor', transformer: bigintMinorUnits })
  royaltyReversalMinor!: number;

  @Column({ type: 'bigint', name: 'fee_reversal_minor', transformer: bigintMinorUnits })
  feeReversalMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_reversal_minor', transformer: bigintMinorUnits })
  merchantReversalMinor!: number;

  @Column('timestamptz', { name: 'refunded_at' })
  refundedAt!: Date;

  @Column('uuid', { name: 'statement_id', nullable: true })
  statementId!: string | null;
}

export enum RoyaltyStatementStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
}

/** One studio's royalties for one calendar month (Asia/Shanghai). Frozen by a trigger once ISSUED. */
@Entity('royalty_statements')
export class RoyaltyStatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('text', { name: 'studio_name' })
  studioName!: string;

  /** First day of the month, YYYY-MM-DD. */
  @Column('date', { name: 'period_month' })
  periodMonth!: string;

  @Column('timestamptz', { name: 'period_start' })
  periodStart!: Date;

  @Column('timestamptz', { name: 'period_end' })
  periodEnd!: Date;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('text')
  status!: RoyaltyStatementStatus;

  @Column('int', { name: 'line_count' })
  lineCount!: number;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;

  /** The part of the royalty from sales and refunds dated in earlier, already issued periods. */
  @Column({ type: 'bigint', name: 'adjustments_minor', transformer: bigintMinorUnits })
  adjustmentsMinor!: number;

  @Column({ type: 'bigint', name: 'advance_recouped_minor', transformer: bigintMinorUnits })
  advanceRecoupedMinor!: number;

  @Column({ type: 'bigint', name: 'guarantee_shortfall_minor', transformer: bigintMinorUnits })
  guaranteeShortfallMinor!: number;

  /** royalty − advance recouped + guarantee shortfall. */
  @Column({ type: 'bigint', name: 'amount_due_minor', transformer: bigintMinorUnits })
  amountDueMinor!: number;

  @Column('timestamptz', { name: 'issued_at', nullable: true })
  issuedAt!: Date | null;

  @Column('uuid', { name: 'issued_by', nullable: true })
  issuedBy!: string | null;
}

@Entity('royalty_statement_lines')
export class RoyaltyStatementLineEntity {
  @PrimaryColumn('uuid', { name: 'statement_id' })
  statementId!: string;

  @PrimaryColumn('int', { name: 'line_no' })
  lineNo!: number;

  @Column('text')
  kind!: 'SALE' | 'REFUND';

  /** The order line (SALE) or the refund (REFUND). */
  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('text', { name: 'product_name' })
  productName!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text', { name: 'merchant_name' })
  merchantName!: string;

  @Column('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('boolean', { name: 'is_adjustment' })
  isAdjustment!: boolean;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;
}

/** A license's money terms as signed, and how far its advance has been recouped. */
@Entity('license_terms')
export class LicenseTermsEntity {
  @PrimaryColumn('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'advance_minor', transformer: bigintMinorUnits })
  advanceMinor!: number;

  @Column({ type: 'bigint', name: 'minimum_guarantee_minor', transformer: bigintMinorUnits })
  minimumGuaranteeMinor!: number;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Column({ type: 'bigint', name: 'advance_recouped_minor', transformer: bigintMinorUnits })
  advanceRecoupedMinor!: number;

  @Column('uuid', { name: 'guarantee_settled_by', nullable: true })
  guaranteeSettledBy!: string | null;
}

export enum PayeeKind {
  STUDIO = 'STUDIO',
  MERCHANT = 'MERCHANT',
}

export enum PayoutStatus {
  IN_TRANSIT = 'IN_TRANSIT',
  PAID = 'PAID',
  FAILED = 'FAILED',
}

/** One transfer to a payee's connected account: a studio's issued statement, or a merchant's share of one order. */
@Entity('payouts')
export class PayoutEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'payee_kind' })
  payeeKind!: PayeeKind;

  /** `statement:<id>` or `order:<id>`: what is paid; one live payout per payee and subject. */
  @Column('text')
  subject!: string;

  @Column('uuid', { name: 'statement_id', nullable: true })
  statementId!: string | null;

  @Column('uuid', { name: 'order_id', nullable: true })
  orderId!: string | null;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column('text', { name: 'destination_account_id' })
  destinationAccountId!: string;

  @Column('text', { name: 'transfer_group' })
  transferGroup!: string;

  /** Sent with the transfer: a retried or repeated payout never transfers twice. */
  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column('text')
  status!: PayoutStatus;

  @Column('text', { nullable: true })
  provider!: string | null;

  @Column('text', { name: 'provider_transfer_id', nullable: true })
  providerTransferId!: string | null;

  @Column('text', { name: 'failure_code', nullable: true })
  failureCode!: string | null;

  @Column('text', { name: 'failure_message', nullable: true })
  failureMessage!: string | null;

  @Column('uuid', { name: 'requested_by', nullable: true })
  requestedBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'settled_at', nullable: true })
  settledAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;
}

export const LEDGER_ENTITIES = [
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
