import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

export enum OrganizationKind {
  STUDIO = 'STUDIO',
  MERCHANT = 'MERCHANT',
  PLATFORM = 'PLATFORM',
}

export enum MembershipRole {
  OWNER = 'OWNER',
  STAFF = 'STAFF',
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Normalised: trimmed and lower-cased, unique. */
  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** When the owner of `email` proved it by following a link sent there; null until then. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A link sent to an address to prove it; the token is stored only as its SHA-256, and works once. */
@Entity('email_verifications')
export class EmailVerificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  /** The address the link was sent to: only that address is verified by it. */
  @Column('text')
  email!: string;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: OrganizationKind;

  @Column('text')
  name!: string;

  @Column('text', { name: 'name_zh', nullable: true })
  nameZh!: string | null;

  /** Stripe Connect account that receives payouts; set by the payouts flow. */
  @Column('text', { name: 'payout_account_id', nullable: true })
  payoutAccountId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: MembershipRole;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  email!: string;

  @Column('text')
  role!: MembershipRole;

  @Column('uuid', { name: 'invited_by' })
  invitedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { name: 'accepted_by', nullable: true })
  acceptedBy!: string | null;

  /** SHA-256 of the link's token; null only for invitations made before links existed (they have lapsed). */
  @Column('text', { name: 'token_hash', nullable: true })
  tokenHash!: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}

/** Who changed what of an organization (payout account, members): written in the transaction that changed it. */
@Entity('organization_audit_entries')
export class OrganizationAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Insertion order: entries of one transaction share the clock's instant. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('text')
  action!: string;

  @Column('jsonb')
  details!: Record<string, unknown>;

  @Column('timestamptz')
  at!: Date;
}

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  /** Tokens of one log-in share a family; reuse of a rotated token revokes the whole family. */
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  /** SHA-256 of the token; the token itself is never stored. */
  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An address an account has logged in from (digest only), for the log-in throttle's account-wide limit. */
@Entity('known_login_addresses')
export class KnownLoginAddressEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text', { name: 'address_hash' })
  addressHash!: string;

  @Column('timestamptz', { name: 'last_login_at' })
  lastLoginAt!: Date;
}
