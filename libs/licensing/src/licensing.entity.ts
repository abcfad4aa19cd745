import { LicenseStatus } from '@chedun/kernel';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LicenseApplicationStatus, LicenseOfferStatus } from './license-lifecycle';
import { LicenseTermsColumns } from './license-terms';

@Entity('license_offers')
export class LicenseOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  /** The IP's studio at publication, kept here so every check on the offer is one row. */
  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column(() => LicenseTermsColumns, { prefix: false })
  terms!: LicenseTermsColumns;

  @Column('text')
  status!: LicenseOfferStatus;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

@Entity('license_applications')
export class LicenseApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'offer_id' })
  offerId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text')
  pitch!: string;

  @Column('text')
  status!: LicenseApplicationStatus;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { name: 'applied_by' })
  appliedBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@Entity('licenses')
export class LicenseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'application_id' })
  applicationId!: string;

  @Column('uuid', { name: 'offer_id' })
  offerId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  /** A copy of the offer's terms as agreed on approval. */
  @Column(() => LicenseTermsColumns, { prefix: false })
  terms!: LicenseTermsColumns;

  @Column('text')
  status!: LicenseStatus;

  /** Why it was last suspended, terminated or expired; cleared on resume. */
  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

export enum LicensingEntityType {
  LICENSE_OFFER = 'LICENSE_OFFER',
  LICENSE_APPLICATION = 'LICENSE_APPLICATION',
  LICENSE = 'LICENSE',
}

/** Who did what to which licensing record, and when. Written in the transaction that did it. */
@Entity('licensing_audit_entries')
export class LicensingAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Insertion order: entries of one transaction share the clock's instant. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq!: string;

  /** Null when the system acted (the expiry job). */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { name: 'entity_type' })
  entityType!: LicensingEntityType;

  @Column('uuid', { name: 'entity_id' })
  entityId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id', nullable: true })
  merchantId!: string | null;

  @Column('jsonb')
  details!: Record<string, unknown>;

  @Column('timestamptz')
  at!: Date;
}
