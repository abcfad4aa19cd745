import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { ConnectionShape } from '@chedun/kernel';
import {
  RoyaltyReport,
  RoyaltyReportArgs,
  RoyaltyReportLine,
  RoyaltyReportLineConnection,
  RoyaltyReportLinesArgs,
  RoyaltySeriesArgs,
  RoyaltySeriesPoint,
  RoyaltyTotals,
} from './ledger.types';
import { RoyaltyReportFilter } from './royalty-report.repository';
import { RoyaltyReportService } from './royalty-report.service';
import { shanghaiRange } from './shanghai-period';

/** The report carries its filter to the field resolvers, so asking for totals alone never loads the lines. */
class RoyaltyReportParent extends RoyaltyReport {
  filter!: RoyaltyReportFilter;
}

function filterOf(args: RoyaltyReportArgs): RoyaltyReportFilter {
  shanghaiRange(args.from, args.to);
  return {
    studioId: args.studioId,
    from: args.from,
    to: args.to,
    currency: args.currency,
    filmIpId: args.filmIpId ?? null,
    merchantId: args.merchantId ?? null,
    licenseId: args.licenseId ?? null,
  };
}

@Resolver(() => RoyaltyReport)
export class RoyaltyReportResolver {
  constructor(private readonly reports: RoyaltyReportService) {}

  @Query(() => RoyaltyReport, {
    description:
      'Staff of that studio only. Every line paid and every refund in [from, to] (Asia/Shanghai days) carrying its IP.',
  })
  royaltyReport(@CurrentActor() actor: Actor, @Args() args: RoyaltyReportArgs): RoyaltyReportParent {
    const filter = filterOf(args);
    this.reports.authorize(actor, filter);
    return Object.assign(new RoyaltyReportParent(), {
      studioId: filter.studioId,
      from: args.from,
      to: args.to,
      currency: args.currency,
      filter,
    });
  }

  @Query(() => RoyaltyReportLineConnection, { description: 'The lines of royaltyReport, a page at a time.' })
  async royaltyReportLines(
    @CurrentActor() actor: Actor,
    @Args() args: RoyaltyReportLinesArgs,
  ): Promise<ConnectionShape<RoyaltyReportLine>> {
    const filter = filterOf(args);
    this.reports.authorize(actor, filter);
    return this.reports.page(filter, args.first ?? 20, args.after);
  }

  @Query(() => [RoyaltySeriesPoint], {
    description: 'Staff of that studio only. Monthly royalties for charts, by IP, merchant or license.',
  })
  royaltySeries(@CurrentActor() actor: Actor, @Args() args: RoyaltySeriesArgs): Promise<RoyaltySeriesPoint[]> {
    const filter = filterOf(args);
    this.reports.authorize(actor, filter);
    return this.reports.series(filter, args.by);
  }

  @ResolveField(() => RoyaltyTotals)
  totals(@Parent() report: RoyaltyReportParent): Promise<RoyaltyTotals> {
    return this.reports.totals(report.filter);
  }

  @ResolveField(() => [RoyaltyReportLine], {
    description: `All lines, up to 10 000; page through royaltyReportLines or the CSV beyond.`,
  })
  lines(@Parent() report: RoyaltyReportParent): Promise<RoyaltyReportLine[]> {
    return this.reports.lines(report.filter);
  }
}
