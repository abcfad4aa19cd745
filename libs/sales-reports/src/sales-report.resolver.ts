import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { SalesReportQueryService } from './sales-report-query.service';
import { SalesReportService } from './sales-report.service';
import {
  DecideSalesReportInput,
  LicenseSalesReportsArgs,
  MissingSalesReports,
  MissingSalesReportsArgs,
  SalesReport,
  StudioSalesReportsArgs,
  SubmitSalesReportInput,
} from './sales-report.types';

@Resolver(() => SalesReport)
export class SalesReportResolver {
  constructor(
    private readonly service: SalesReportService,
    private readonly queries: SalesReportQueryService,
  ) {}

  @Mutation(() => SalesReport, {
    description:
      'Owner or staff of the license’s merchant: sales outside this marketplace for an ended month of the term, or a ' +
      'nil report. Every wrong line is BAD_USER_INPUT (extensions.rows: index, field, message); nothing is stored. ' +
      'Submitting the month again revises it until the studio accepts it.',
  })
  async submitSalesReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitSalesReportInput,
  ): Promise<SalesReport> {
    const report = await this.service.submit(actor, {
      licenseId: input.licenseId,
      month: input.month,
      noSales: input.noSales ?? false,
      lines: input.lines.map((l) => ({
        productId: l.productId,
        channel: l.channel,
        quantity: l.quantity,
        grossMinor: l.gross.amountMinor,
        currency: l.gross.currency,
      })),
    });
    return this.one(actor, report.licenseId, report.id);
  }

  @Mutation(() => SalesReport, {
    description:
      'Staff of the license’s studio. accept: true posts the royalty to the ledger (once); false disputes it with a reason.',
  })
  async decideSalesReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: DecideSalesReportInput,
  ): Promise<SalesReport> {
    const report = await this.service.decide(actor, input);
    return this.one(actor, report.licenseId, report.id);
  }

  @Query(() => [SalesReport], { description: 'The license’s reports, newest month first: its merchant and studio.' })
  async salesReports(@CurrentActor() actor: Actor, @Args() args: LicenseSalesReportsArgs): Promise<SalesReport[]> {
    return (await this.queries.ofLicense(actor, args.licenseId)).map(SalesReport.from);
  }

  @Query(() => [SalesReport], {
    description: 'Studio staff: the reports on its licenses (SUBMITTED: waiting for a decision), oldest month first.',
  })
  async studioSalesReports(@CurrentActor() actor: Actor, @Args() args: StudioSalesReportsArgs): Promise<SalesReport[]> {
    return (await this.queries.ofStudio(actor, args.studioId, args.status ?? null)).map(SalesReport.from);
  }

  @Query(() => [MissingSalesReports], {
    description: 'Members of a studio or merchant: per license, the ended months of its term with no sales report.',
  })
  async missingSalesReports(
    @CurrentActor() actor: Actor,
    @Args() args: MissingSalesReportsArgs,
  ): Promise<MissingSalesReports[]> {
    return (await this.queries.missing(actor, args.organizationId)).map(MissingSalesReports.from);
  }

  private async one(actor: Actor, licenseId: string, id: string): Promise<SalesReport> {
    const view = (await this.queries.ofLicense(actor, licenseId)).find((v) => v.report.id === id);
    if (!view) throw new Error(`Sales report ${id} is not among its license's reports`);
    return SalesReport.from(view);
  }
}
