import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Money, MoneyInput, MoneyType, SalesChannel } from '@chedun/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SalesReportStatus } from './sales-report-lifecycle';
import { MissingReports, SalesReportView } from './sales-report-query.service';
import { MAX_REPORT_LINES } from './sales-report-rules';
import { MAX_REASON_LENGTH } from './sales-report.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType({ description: 'One line of a sales report: a product sold outside this marketplace in the month.' })
export class ReportedSaleInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  productId!: string;

  @Field(() => SalesChannel, { description: 'VENUE or RETAIL, and one the license allows.' })
  @IsEnum(SalesChannel)
  channel!: SalesChannel;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  quantity!: number;

  @Field(() => MoneyInput, { description: 'What the buyers paid for these, in all.' })
  @ValidateNested()
  @Type(() => MoneyInput)
  gross!: MoneyInput;
}

@InputType()
export class SubmitSalesReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'licenseId must be an id' })
  licenseId!: string;

  @Field({ description: 'YYYY-MM in Asia/Shanghai: a month of the license term that has ended.' })
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True, with no lines: nothing sold outside the marketplace that month.',
  })
  @IsOptional()
  @IsBoolean()
  noSales?: boolean | null;

  @Field(() => [ReportedSaleInput])
  @ArrayMaxSize(MAX_REPORT_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReportedSaleInput)
  lines!: ReportedSaleInput[];
}

@InputType()
export class DecideSalesReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id!: string;

  @Field({ description: 'True: accept (the royalty is posted); false: dispute, with a reason the merchant reads.' })
  @IsBoolean()
  accept!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string | null;
}

@ArgsType()
export class LicenseSalesReportsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'licenseId must be an id' })
  licenseId!: string;
}

@ArgsType()
export class StudioSalesReportsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId!: string;

  @Field(() => SalesReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SalesReportStatus)
  status?: SalesReportStatus | null;
}

@ArgsType()
export class MissingSalesReportsArgs {
  @Field(() => ID, { description: 'A studio (the licenses it granted) or a merchant (the licenses it holds).' })
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId!: string;
}

@ObjectType()
export class SalesReportTotals {
  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType, { description: 'Sum of the lines’ royalties, each floor(gross × royaltyBps / 10 000).' })
  royalty!: MoneyType;
}

@ObjectType()
export class ReportedSaleLine {
  @Field(() => Int)
  lineNo!: number;

  @Field(() => ID)
  productId!: string;

  @Field()
  productName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The Chinese name at the time of the report, when the product has one.',
  })
  productNameZh!: string | null;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => Int)
  quantity!: number;

  @Field(() => MoneyType)
  gross!: MoneyType;

  @Field(() => MoneyType)
  royalty!: MoneyType;
}

@ObjectType({ description: 'A merchant’s sales outside this marketplace for one license and month.' })
export class SalesReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field()
  merchantName!: string;

  @Field(() => String, { nullable: true })
  merchantNameZh!: string | null;

  @Field(() => ID)
  studioId!: string;

  @Field({ description: 'YYYY-MM, Asia/Shanghai.' })
  month!: string;

  @Field(() => SalesReportStatus)
  status!: SalesReportStatus;

  @Field()
  noSales!: boolean;

  @Field(() => Int, { description: '1 for the first submission, one more for each revision.' })
  revision!: number;

  @Field(() => Int)
  royaltyBps!: number;

  @Field(() => String, { nullable: true, description: 'Why the studio disputed it (DISPUTED only).' })
  disputeReason!: string | null;

  @Field(() => GraphQLISODateTime)
  submittedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => SalesReportTotals)
  totals!: SalesReportTotals;

  @Field(() => [ReportedSaleLine])
  lines!: ReportedSaleLine[];

  static from(view: SalesReportView): SalesReport {
    const { report } = view;
    const money = (v: number) => MoneyType.from(Money.of(v, report.currency));
    return Object.assign(new SalesReport(), {
      id: report.id,
      licenseId: report.licenseId,
      merchantId: report.merchantId,
      merchantName: view.merchant.name,
      merchantNameZh: view.merchant.nameZh,
      studioId: report.studioId,
      month: report.month,
      status: report.status,
      noSales: report.noSales,
      revision: report.revision,
      royaltyBps: report.royaltyBps,
      disputeReason: report.disputeReason,
      submittedAt: report.submittedAt,
      decidedAt: report.decidedAt,
      totals: { gross: money(report.grossMinor), royalty: money(report.royaltyMinor) },
      lines: view.lines.map((l) => ({
        lineNo: l.lineNo,
        productId: l.productId,
        productName: l.productName,
        productNameZh: l.productNameZh,
        channel: l.channel as SalesChannel,
        quantity: l.quantity,
        gross: money(l.grossMinor),
        royalty: money(l.royaltyMinor),
      })),
    });
  }
}

@ObjectType({ description: 'A license and the ended months of its term that have no sales report yet.' })
export class MissingSalesReports {
  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field()
  merchantName!: string;

  @Field(() => String, { nullable: true })
  merchantNameZh!: string | null;

  @Field(() => [String], { description: 'YYYY-MM, oldest first.' })
  months!: string[];

  static from(m: MissingReports): MissingSalesReports {
    return Object.assign(new MissingSalesReports(), {
      licenseId: m.license.id,
      filmIpId: m.license.filmIpId,
      merchantId: m.license.merchantId,
      merchantName: m.merchant.name,
      merchantNameZh: m.merchant.nameZh,
      months: m.months,
    });
  }
}
