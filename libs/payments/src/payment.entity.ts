import { bigintMinorUnits } from '@chedun/db';
import { Money } from '@chedun/kernel';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PaymentProvider, RefundStatus } from './payment-gateway';
import { PaymentStatus } from './payment-status';

@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The order this pays for; owned by the orders context, so no foreign key. */
  @Column('uuid', { name: 'order_id' })
  orderId!: string;

  @Column('text')
  provider!: PaymentProvider;

  @Column('text', { name: 'provider_payment_id' })
  providerPaymentId!: string;

  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column('text')
  status!: PaymentStatus;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  get amount(): Money {
    return Money.of(this.amountMinor, this.currency);
  }

  get refunded(): Money {
    return Money.of(this.refundedMinor, this.currency);
  }
}

@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'payment_id' })
  paymentId!: string;

  @Column('text', { name: 'provider_refund_id' })
  providerRefundId!: string;

  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('text')
  status!: RefundStatus;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export enum PaymentEventOutcome {
  /** The event changed a payment and its facts were published. */
  APPLIED = 'APPLIED',
  /** The payment had already moved past what the event says (late or out-of-order delivery). */
  STALE = 'STALE',
  /** A type, or a payment, the marketplace does not act on. */
  IGNORED = 'IGNORED',
}

/** Every provider event acted on, once: the unique provider event id is the exactly-once guard. */
@Entity('payment_events')
export class PaymentEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  provider!: PaymentProvider;

  @Column('text', { name: 'provider_event_id' })
  providerEventId!: string;

  @Column('text')
  type!: string;

  @Column('uuid', { name: 'payment_id', nullable: true })
  paymentId!: string | null;

  @Column('text')
  outcome!: PaymentEventOutcome;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
