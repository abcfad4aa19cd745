import { bigintMinorUnits } from '@chedun/db';
import { ProductCategory } from '@chedun/kernel';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ProductKind, ProductStatus } from './product-status';

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: ProductKind;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  /** Copied from the license, so the studio's approval queue needs no join into licensing. */
  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('uuid', { name: 'venue_id', nullable: true })
  venueId!: string | null;

  @Column('text')
  category!: ProductCategory;

  @Column('text')
  name!: string;

  @Column('text', { name: 'name_zh', nullable: true })
  nameZh!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { name: 'description_zh', nullable: true })
  descriptionZh!: string | null;

  /** Public https URLs of images held elsewhere; stored and echoed, never fetched. */
  @Column('text', { array: true, default: () => `'{}'` })
  images!: string[];

  @Column('text')
  status!: ProductStatus;

  /** Why the product is REJECTED (the studio's comments) or SUSPENDED (the license change). */
  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column('int', { name: 'purchase_limit', nullable: true })
  purchaseLimit!: number | null;

  /** Experiences: a buyer's refund request at least this many hours before the start is approved at once. */
  @Column('int', { name: 'free_cancellation_hours', nullable: true })
  freeCancellationHours!: number | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Proof of license: random, set when the product is first published, never changed (tags are printed with it). */
  @Column('text', { name: 'verification_code', nullable: true })
  verificationCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

/** One option a variant is a choice of: the option's name and this variant's value, in English and Chinese. */
export interface VariantOptionValue {
  name: string;
  nameZh: string | null;
  value: string;
  valueZh: string | null;
}

@Entity('product_variants')
export class ProductVariantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text')
  sku!: string;

  @Column({ type: 'bigint', name: 'price_minor', transformer: bigintMinorUnits })
  priceMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('int', { name: 'stock_on_hand' })
  stockOnHand!: number;

  @Column('int', { default: 0 })
  reserved!: number;

  @Column('int', { default: 0 })
  sold!: number;

  @Column('int', { default: 0 })
  position!: number;

  /** What choice this variant is (e.g. Size M, Colour Black), in the product's option order; [] for a lone variant. */
  @Column('jsonb', { default: () => `'[]'` })
  options!: VariantOptionValue[];
}

export enum StockMovementReason {
  INITIAL = 'INITIAL',
  RESTOCK = 'RESTOCK',
  DAMAGE = 'DAMAGE',
  COUNT = 'COUNT',
  /** Units of a refunded order line back on hand; only refunds record it. */
  RETURN = 'RETURN',
}

@Entity('stock_movements')
export class StockMovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'variant_id' })
  variantId!: string;

  @Column('int')
  delta!: number;

  @Column('text')
  reason!: StockMovementReason;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('int', { name: 'stock_after' })
  stockAfter!: number;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('ticket_types')
export class TicketTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'name_zh', nullable: true })
  nameZh!: string | null;

  @Column({ type: 'bigint', name: 'price_minor', transformer: bigintMinorUnits })
  priceMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('int', { default: 0 })
  position!: number;
}

export enum TimeSlotStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

@Entity('time_slots')
export class TimeSlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('int')
  capacity!: number;

  @Column('int', { default: 0 })
  reserved!: number;

  @Column('int', { default: 0 })
  sold!: number;

  @Column('text', { default: TimeSlotStatus.OPEN })
  status!: TimeSlotStatus;

  /** Set when cancelled, so ticket holders can be told (refunds arrive with checkout). */
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;
}

/** One step of a product through approval and the shop; `actorUserId` is null when a license change caused it. */
@Entity('product_audit_entries')
export class ProductAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('text')
  event!: string;

  @Column('text', { name: 'from_status' })
  fromStatus!: ProductStatus;

  @Column('text', { name: 'to_status' })
  toStatus!: ProductStatus;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
