import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CalendarDateScalar,
  Connection,
  LicenseStatus,
  MoneyInput,
  MoneyType,
  PageArgs,
  ProductCategory,
  SalesChannel,
} from '@chedun/kernel';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LicenseApplicationStatus, LicenseOfferStatus } from './license-lifecycle';
import { moneyOrNull } from './license-terms';
import {
  LicenseApplicationEntity,
  LicenseEntity,
  LicenseOfferEntity,
  LicensingAuditEntryEntity,
  LicensingEntityType,
} from './licensing.entity';

registerEnumType(LicenseOfferStatus, { name: 'LicenseOfferStatus' });
registerEnumType(LicenseApplicationStatus, { name: 'LicenseApplicationStatus' });
registerEnumType(LicensingEntityType, { name: 'LicensingRecordType' });

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

function money(amountMinor: number | null, currency: string | null): MoneyType | null {
  const m = moneyOrNull(amountMinor, currency);
  return m ? MoneyType.from(m) : null;
}

@ObjectType('LicenseOffer', { description: 'Terms on which a studio licenses one of its film IPs.' })
export class LicenseOffer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => ID)
  studioId!: string;

  @Field(() => Int, { description: 'Royalty in basis points of each order line’s net amount.' })
  royaltyBps!: number;

  @Field(() => [ProductCategory])
  categories!: ProductCategory[];

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  territory!: string;

  @Field(() => [SalesChannel], { description: 'Where licensees may sell; selling on this marketplace needs ONLINE.' })
  channels!: SalesChannel[];

  @Field(() => CalendarDateScalar)
  startsOn!: string;

  @Field(() => CalendarDateScalar)
  endsOn!: string;

  @Field(() => MoneyType, { nullable: true })
  advance!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true })
  minimumGuarantee!: MoneyType | null;

  @Field(() => LicenseOfferStatus)
  status!: LicenseOfferStatus;

  @Field()
  createdAt!: Date;

  static from(e: LicenseOfferEntity): LicenseOffer {
    return {
      id: e.id,
      filmIpId: e.filmIpId,
      studioId: e.studioId,
      royaltyBps: e.terms.royaltyBps,
      categories: e.terms.categories,
      territory: e.terms.territory,
      channels: e.terms.channels,
      startsOn: e.terms.startsOn,
      endsOn: e.terms.endsOn,
      advance: money(e.terms.advanceMinor, e.terms.advanceCurrency),
      minimumGuarantee: money(e.terms.minimumGuaranteeMinor, e.terms.minimumGuaranteeCurrency),
      status: e.status,
      createdAt: e.createdAt,
    };
  }
}

@ObjectType('License', { description: 'A merchant’s right to use a studio’s film IP, on a copy of the offer’s terms.' })
export class License {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => ID)
  offerId!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => ID)
  studioId!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field(() => LicenseStatus)
  status!: LicenseStatus;

  @Field(() => String, { nullable: true, description: 'Why it was last suspended, terminated or expired.' })
  statusReason!: string | null;

  @Field(() => Int)
  royaltyBps!: number;

  @Field(() => [ProductCategory])
  categories!: ProductCategory[];

  @Field()
  territory!: string;

  @Field(() => [SalesChannel], {
    description: 'Where the merchant may sell; selling on this marketplace needs ONLINE.',
  })
  channels!: SalesChannel[];

  @Field(() => CalendarDateScalar)
  startsOn!: string;

  @Field(() => CalendarDateScalar)
  endsOn!: string;

  @Field(() => MoneyType, { nullable: true })
  advance!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true })
  minimumGuarantee!: MoneyType | null;

  @Field()
  createdAt!: Date;

  static from(e: LicenseEntity): License {
    return {
      id: e.id,
      applicationId: e.applicationId,
      offerId: e.offerId,
      filmIpId: e.filmIpId,
      studioId: e.studioId,
      merchantId: e.merchantId,
      status: e.status,
      statusReason: e.statusReason,
      royaltyBps: e.terms.royaltyBps,
      categories: e.terms.categories,
      territory: e.terms.territory,
      channels: e.terms.channels,
      startsOn: e.terms.startsOn,
      endsOn: e.terms.endsOn,
      advance: money(e.terms.advanceMinor, e.terms.advanceCurrency),
      minimumGuarantee: money(e.terms.minimumGuaranteeMinor, e.terms.minimumGuaranteeCurrency),
      createdAt: e.createdAt,
    };
  }
}

@ObjectType('LicenseApplication')
export class LicenseApplication {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  offerId!: string;

  @Field(() => ID)
  studioId!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field()
  pitch!: string;

  @Field(() => LicenseApplicationStatus)
  status!: LicenseApplicationStatus;

  @Field(() => String, { nullable: true, description: 'The studio’s reason when rejected.' })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field()
  createdAt!: Date;

  static from(e: LicenseApplicationEntity): LicenseApplication {
    return {
      id: e.id,
      offerId: e.offerId,
      studioId: e.studioId,
      merchantId: e.merchantId,
      pitch: e.pitch,
      status: e.status,
      decisionReason: e.decisionReason,
      decidedAt: e.decidedAt,
      createdAt: e.createdAt,
    };
  }
}

@ObjectType('LicensingAuditEntry', { description: 'Who did what to a licensing record, and when.' })
export class LicensingAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null when the system acted (automatic expiry).' })
  actorUserId!: string | null;

  @Field({ description: 'e.g. APPLIED, APPROVED, REJECTED, LICENSE_SUSPENDED, LICENSE_EXPIRED.' })
  action!: string;

  @Field(() => LicensingEntityType)
  recordType!: LicensingEntityType;

  @Field(() => ID)
  recordId!: string;

  @Field({ description: 'Details as a JSON object text (reason, statuses before and after).' })
  details!: string;

  @Field()
  at!: Date;

  static from(e: LicensingAuditEntryEntity): LicensingAuditEntry {
    return {
      id: e.id,
      actorUserId: e.actorUserId,
      action: e.action,
      recordType: e.entityType,
      recordId: e.entityId,
      details: JSON.stringify(e.details),
      at: e.at,
    };
  }
}

@ObjectType('LicenseOfferConnection')
export class LicenseOfferConnection extends Connection(LicenseOffer) {}

@ObjectType('LicenseApplicationConnection')
export class LicenseApplicationConnection extends Connection(LicenseApplication) {}

@ObjectType('LicenseConnection')
export class LicenseConnection extends Connection(License) {}

@InputType()
export class PublishLicenseOfferInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'filmIpId must be an id' })
  filmIpId!: string;

  @Field(() => Int, { description: '0 to 10000 basis points of each line’s net amount.' })
  @IsInt({ message: 'royaltyBps must be a whole number' })
  @Min(0, { message: 'royaltyBps must be 0 to 10000' })
  @Max(10_000, { message: 'royaltyBps must be 0 to 10000' })
  royaltyBps!: number;

  @Field(() => [ProductCategory], { description: 'At least one.' })
  @ArrayNotEmpty({ message: 'categories must list at least one product category' })
  @ArrayMaxSize(Object.keys(ProductCategory).length)
  @IsEnum(ProductCategory, { each: true })
  categories!: ProductCategory[];

  @Field({ defaultValue: 'CN', description: 'ISO 3166-1 alpha-2 country code.' })
  @Transform(trimmed)
  @Matches(/^[A-Z]{2}$/, { message: 'territory must be a two-letter country code such as CN' })
  territory: string = 'CN';

  @Field(() => [SalesChannel], {
    nullable: true,
    description: 'Where licensees may sell; omitted: all three. Selling on this marketplace needs ONLINE.',
  })
  @IsOptional()
  @ArrayNotEmpty({ message: 'channels must list at least one sales channel' })
  @ArrayMaxSize(Object.keys(SalesChannel).length)
  @IsEnum(SalesChannel, { each: true })
  channels?: SalesChannel[] | null;

  @Field(() => CalendarDateScalar)
  @IsString()
  startsOn!: string;

  @Field(() => CalendarDateScalar, {
    description: 'After startsOn; the license runs through this day (Asia/Shanghai).',
  })
  @IsString()
  endsOn!: string;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  advance?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  minimumGuarantee?: MoneyInput | null;
}

@InputType()
export class ApplyForLicenseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'offerId must be an id' })
  offerId!: string;

  @Field(() => ID, { description: 'The merchant the caller applies for.' })
  @IsUUID('all', { message: 'merchantId must be an id' })
  merchantId!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000, { message: 'pitch must be 1 to 4000 characters long' })
  pitch!: string;
}

@ArgsType()
export class IdWithReasonArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000, { message: 'reason must be 1 to 2000 characters long' })
  reason!: string;
}

@ArgsType()
export class LicenseOffersArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'filmIpId must be an id' })
  filmIpId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId?: string | null;

  @Field(() => ProductCategory, { nullable: true, description: 'Offers that allow this category.' })
  @IsOptional()
  @IsEnum(ProductCategory)
  category?: ProductCategory | null;
}

@ArgsType()
export class StudioLicenseOffersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId!: string;

  @Field(() => LicenseOfferStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseOfferStatus)
  status?: LicenseOfferStatus | null;
}

@ArgsType()
export class StudioLicenseApplicationsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId!: string;

  @Field(() => LicenseApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseApplicationStatus)
  status?: LicenseApplicationStatus | null;
}

@ArgsType()
export class MerchantLicenseApplicationsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'merchantId must be an id' })
  merchantId!: string;

  @Field(() => LicenseApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseApplicationStatus)
  status?: LicenseApplicationStatus | null;
}

@ArgsType()
export class StudioLicensesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId!: string;

  @Field(() => LicenseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseStatus)
  status?: LicenseStatus | null;
}

@ArgsType()
export class MerchantLicensesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'merchantId must be an id' })
  merchantId!: string;

  @Field(() => LicenseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseStatus)
  status?: LicenseStatus | null;
}

/** Where a merchant stands with an offer: an application waiting for the studio, or a license it holds. */
export enum OfferStanding {
  APPLIED = 'APPLIED',
  HELD = 'HELD',
}
registerEnumType(OfferStanding, { name: 'OfferStanding' });

@ObjectType('MerchantOfferStanding')
export class MerchantOfferStanding {
  @Field(() => ID)
  offerId!: string;

  @Field(() => OfferStanding)
  standing!: OfferStanding;
}
