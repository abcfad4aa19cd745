import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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
