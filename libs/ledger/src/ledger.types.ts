import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { CalendarDateScalar, Connection, MoneyInput, MoneyType, PageArgs, SUPPORTED_CURRENCIES } from '@chedun/kernel';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RoyaltyStatementStatus } from './royalty-statement.entity';

registerEnumType(RoyaltyStatementStatus, { name: 'RoyaltyStatementStatus' });

export enum RoyaltySeriesBy {
  NONE = 'NONE',
  FILM_IP = 'FILM_IP',
  MERCHANT = 'MERCHANT',
  LICENSE = 'LICENSE',
}
registerEnumType(RoyaltySeriesBy, {
  name: 'RoyaltySeriesBy',
  description: 'One series in all, or one per film IP, merchant or license.',
});

export enum RoyaltySource {
  MARKETPLACE = 'MARKETPLACE',
  REPORTED = 'REPORTED',
}
registerEnumType(RoyaltySource, {
  name: 'RoyaltySource',
  description:
    'MARKETPLACE: sold on this marketplace; REPORTED: sold elsewhere, from a sales report the studio accepted.',
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class RoyaltyReportArgs {
  @Field(() => ID)
  @IsUUID()
  studioId!: string;

  @Field(() => CalendarDateScalar, { description: 'First Asia/Shanghai day, inclusive.' })
  @Matches(CALENDAR_DATE)
  from!: string;

  @Field(() => CalendarDateScalar, { description: 'Last Asia/Shanghai day, inclusive.' })
  @Matches(CALENDAR_DATE)
  to!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  filmIpId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  merchantId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  licenseId?: string | null;

  @Field({ defaultValue: 'CNY', description: 'Lines in other currencies are reported separately.' })
  @IsIn(SUPPORTED_CURRENCIES)
  currency: string = 'CNY';
}

@ArgsType()
export class RoyaltySeriesArgs extends RoyaltyReportArgs {
  @Field(() => RoyaltySeriesBy, { defaultValue: RoyaltySeriesBy.NONE })
  @IsEnum(RoyaltySeriesBy)
  by: RoyaltySeriesBy = RoyaltySeriesBy.NONE;
}

@ObjectType({ description: 'One month of one series, for charts.' })
export class RoyaltySeriesPoint {
  @Field({ description: 'YYYY-MM, Asia/Shanghai.' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'The film IP, merchant or license of the series; null for NONE.' })
  key!: string | null;

  @Field({ description: 'The merchant name for MERCHANT series; empty otherwise.' })
  label!: string;

  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => MoneyType)
  royalty!: MoneyType;
}

@ArgsType()
export class RoyaltyReportLinesArgs extends RoyaltyReportArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ObjectType()
export class RoyaltyTotals {
  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => MoneyType, { description: 'Royalty earned, net of refund reversals.' })
  royalty!: MoneyType;

  @Field(() => Int)
  lineCount!: number;
}

@ObjectType({
  description:
    'One order line that sold or was refunded in the range, or one line of an accepted sales report for a month in it.',
})
export class RoyaltyReportLine {
  @Field(() => ID, { description: 'The order line, or (source REPORTED) the line of the sales report.' })
  orderLineId!: string;

  @Field(() => ID, { nullable: true, description: 'Null for a reported line: it sold outside the marketplace.' })
  orderId!: string | null;

  @Field(() => RoyaltySource)
  source!: RoyaltySource;

  @Field(() => ID)
  productId!: string;

  @Field({ description: 'The product\u2019s (English) name as sold.' })
  productName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The product\u2019s Chinese name as sold; null when it had none.',
  })
  productNameZh!: string | null;

  @Field(() => ID)
  merchantId!: string;

  @Field()
  merchantName!: string;

  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => GraphQLISODateTime, {
    description: 'When it was paid; for a reported line, the start of the month it was reported for.',
  })
  paidAt!: Date;

  @Field(() => MoneyType, { description: 'Gross of the line when it was paid inside the range, else zero.' })
  gross!: MoneyType;

  @Field(() => MoneyType, { description: 'Refunds of the line dated inside the range.' })
  refunded!: MoneyType;

  @Field(() => MoneyType, { description: 'Royalty of the line net of the refund reversals in the range.' })
  royalty!: MoneyType;
}

@ObjectType()
export class RoyaltyReport {
  @Field(() => ID)
  studioId!: string;

  @Field(() => CalendarDateScalar)
  from!: string;

  @Field(() => CalendarDateScalar)
  to!: string;

  @Field()
  currency!: string;
}

@ObjectType()
export class RoyaltyReportLineConnection extends Connection(RoyaltyReportLine) {}

@ObjectType()
export class RoyaltyStatement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  studioId!: string;

  @Field()
  studioName!: string;

  @Field({ description: 'The calendar month, YYYY-MM (Asia/Shanghai).' })
  month!: string;

  @Field(() => RoyaltyStatementStatus)
  status!: RoyaltyStatementStatus;

  @Field()
  currency!: string;

  @Field(() => Int)
  lineCount!: number;

  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => MoneyType, { description: 'Royalty net of reversals, including adjustments.' })
  royalty!: MoneyType;

  @Field(() => MoneyType, {
    description:
      'Royalty from sales and refunds dated in earlier months that already had an issued statement (late corrections of those periods).',
  })
  adjustments!: MoneyType;

  @Field(() => MoneyType, {
    description:
      'Royalty from sales and refunds dated in earlier months that never had a statement (a studio\u2019s first statement takes the months before it).',
  })
  unstatedEarlier!: MoneyType;

  @Field(() => MoneyType, {
    description:
      'Royalty from sales and refunds dated inside this month: royalty − adjustments − unstatedEarlier. At issue time it equals the royalty report (dashboard) of the month; rows of the month recorded later land in a re-issue or as adjustments of a later statement.',
  })
  periodRoyalty!: MoneyType;

  @Field(() => MoneyType, {
    description: 'What payouts already transferred for the versions this one supersedes; deducted from amountDue.',
  })
  previouslyPaid!: MoneyType;

  @Field(() => Int, { description: '1 for the month\u2019s first statement; each re-issue adds one.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The newer version that replaced this one, when SUPERSEDED.' })
  supersededBy!: string | null;

  @Field(() => MoneyType, { description: 'Royalty kept back this period against advances the merchants already paid.' })
  advanceRecouped!: MoneyType;

  @Field(() => MoneyType, { description: 'Minimum guarantees of licenses whose term ended, less what they earned.' })
  guaranteeShortfall!: MoneyType;

  @Field(() => MoneyType, {
    description:
      'royalty − advanceRecouped + guaranteeShortfall − previouslyPaid; negative is carried against later royalties.',
  })
  amountDue!: MoneyType;

  @Field(() => GraphQLISODateTime, { nullable: true })
  issuedAt!: Date | null;
}

@ObjectType()
export class RoyaltyStatementLine {
  @Field(() => Int)
  lineNo!: number;

  @Field({ description: 'SALE, REFUND, or REPORTED (a line of an accepted sales report).' })
  kind!: string;

  @Field(() => RoyaltySource)
  source!: RoyaltySource;

  @Field(() => ID, { description: 'The order line (SALE), the refund (REFUND) or the sales report line (REPORTED).' })
  sourceId!: string;

  @Field(() => ID)
  orderLineId!: string;

  @Field({ description: 'The product\u2019s (English) name as sold.' })
  productName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The product\u2019s Chinese name as sold; null when it had none.',
  })
  productNameZh!: string | null;

  @Field()
  merchantName!: string;

  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field({ description: 'Dated in an earlier month whose statement was already issued.' })
  isAdjustment!: boolean;

  @Field({ description: 'Dated in an earlier month that never had a statement: stated here for the first time.' })
  unstatedEarlier!: boolean;

  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => MoneyType)
  royalty!: MoneyType;
}

@ObjectType()
export class RoyaltyStatementLineConnection extends Connection(RoyaltyStatementLine) {}

@ArgsType()
export class IssueRoyaltyStatementArgs {
  @Field(() => ID)
  @IsUUID()
  studioId!: string;

  @Field({ description: 'Calendar month YYYY-MM (Asia/Shanghai); it must have ended.' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @Field({ defaultValue: 'CNY' })
  @IsIn(SUPPORTED_CURRENCIES)
  currency: string = 'CNY';
}

@ArgsType()
export class PeriodArgs {
  @Field(() => CalendarDateScalar)
  @Matches(CALENDAR_DATE)
  from!: string;

  @Field(() => CalendarDateScalar)
  @Matches(CALENDAR_DATE)
  to!: string;

  @Field({ defaultValue: 'CNY' })
  @IsIn(SUPPORTED_CURRENCIES)
  currency: string = 'CNY';
}

@ArgsType()
export class MerchantSalesArgs extends PeriodArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;
}

@ObjectType({ description: 'A merchant\u2019s sales under one license in a period, and how they split.' })
export class MerchantLicenseSales {
  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  studioId!: string;

  @Field()
  studioName!: string;

  @Field(() => Int)
  lineCount!: number;

  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => MoneyType, { description: 'Royalty owed to the studio, net of reversals.' })
  royalty!: MoneyType;

  @Field(() => MoneyType, { description: 'Platform fee, net of reversals.' })
  platformFee!: MoneyType;

  @Field(() => MoneyType, { description: 'What the merchant is owed, net of reversals.' })
  merchantShare!: MoneyType;
}

@ObjectType()
export class MerchantSales {
  @Field(() => ID)
  merchantId!: string;

  @Field(() => [MerchantLicenseSales])
  licenses!: MerchantLicenseSales[];

  @Field(() => MoneyType, {
    description: 'Balance of the merchant payable account now: what the platform owes the merchant.',
  })
  payableBalance!: MoneyType;
}

@ObjectType()
export class MerchantFeeRevenue {
  @Field(() => ID)
  merchantId!: string;

  @Field()
  merchantName!: string;

  @Field(() => MoneyType)
  fees!: MoneyType;
}

@ObjectType()
export class PlatformFeeRevenue {
  @Field(() => MoneyType, { description: 'Fees on lines paid in the period, net of reversals dated in the period.' })
  net!: MoneyType;

  @Field(() => MoneyType, { description: 'Balance of the platform fee revenue account now (credit shown positive).' })
  accountBalance!: MoneyType;

  @Field(() => [MerchantFeeRevenue])
  byMerchant!: MerchantFeeRevenue[];
}

@ObjectType()
export class ReconciliationDiscrepancy {
  @Field({
    description:
      'Which check failed: LINE_SPLIT, LINE_POSTINGS, SHIPPING_POSTINGS, REFUND_SPLIT, LINE_REFUND_TOTALS, PAYOUT_POSTINGS, ACCOUNT_BALANCE, ENTRY_BALANCE, PERIOD_TOTALS; against the payment provider: PROVIDER_PAID_ORDER_NOT_PAID, ORDER_PAID_WITHOUT_PROVIDER_PAYMENT, PROVIDER_AMOUNT_MISMATCH, PROVIDER_REFUND_MISMATCH.',
  })
  check!: string;

  @Field({
    description:
      'Id of the order line, refund, payout, account or entry; of the order, or the provider\u2019s payment id when no paid order has it.',
  })
  reference!: string;

  @Field()
  detail!: string;
}

@ObjectType()
export class Reconciliation {
  @Field(() => CalendarDateScalar)
  from!: string;

  @Field(() => CalendarDateScalar)
  to!: string;

  @Field()
  currency!: string;

  @Field(() => MoneyType)
  grossPaid!: MoneyType;

  @Field(() => MoneyType)
  royalties!: MoneyType;

  @Field(() => MoneyType)
  platformFees!: MoneyType;

  @Field(() => MoneyType)
  merchantShares!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => Int, {
    description: 'Succeeded payments the payment provider reported for the period\u2019s paid orders.',
  })
  providerPayments!: number;

  @Field(() => [ReconciliationDiscrepancy], { description: 'Empty when the books agree.' })
  discrepancies!: ReconciliationDiscrepancy[];
}

@ArgsType()
export class StatementLinesArgs extends PageArgs {}

@InputType()
export class RecordLicenseTermsInput {
  @Field(() => ID)
  @IsUUID()
  licenseId!: string;

  @Field(() => ID)
  @IsUUID()
  studioId!: string;

  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

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

  @Field(() => CalendarDateScalar)
  @Matches(CALENDAR_DATE)
  startsOn!: string;

  @Field(() => CalendarDateScalar)
  @Matches(CALENDAR_DATE)
  endsOn!: string;
}

@ObjectType()
export class LicenseTerms {
  @Field(() => ID)
  licenseId!: string;

  @Field(() => MoneyType)
  advance!: MoneyType;

  @Field(() => MoneyType)
  advanceRecouped!: MoneyType;

  @Field(() => MoneyType)
  minimumGuarantee!: MoneyType;

  @Field(() => CalendarDateScalar)
  startsOn!: string;

  @Field(() => CalendarDateScalar)
  endsOn!: string;

  @Field()
  guaranteeSettled!: boolean;
}
