import { Injectable } from '@nestjs/common';
import { LicensedProduct, LicensedProductReader } from '@chedun/catalog';
import { Actor, OrganizationKind, OrganizationService } from '@chedun/identity';
import { Clock, parseId, shanghaiDate } from '@chedun/kernel';
import { LicenseReader, LicenseSnapshot } from '@chedun/licensing';
import { SalesReportStatus } from './sales-report-lifecycle';
import { SalesReportLineRecord, SalesReportRecord, SalesReportRepository } from './sales-report.repository';
import { SalesReportsException } from './sales-reports.exception';

/** A report with its lines and the merchant's name, as the consoles show it. */
export interface SalesReportView {
  report: SalesReportRecord;
  lines: SalesReportLineRecord[];
  merchant: MerchantName;
}

export interface MerchantName {
  name: string;
  nameZh: string | null;
}

/** A license and the ended months of its term that have no report yet. */
export interface MissingReports {
  license: LicenseSnapshot;
  merchant: MerchantName;
  months: string[];
}

/** The most reports one list returns. */
const LIST_LIMIT = 500;

/**
 * The months of [startsOn, endsOn] (YYYY-MM-DD) that have ended by `today` (YYYY-MM-DD), oldest first: the months a
 * license owes a report for.
 */
export function endedMonthsOfTerm(term: { startsOn: string; endsOn: string }, today: string): string[] {
  const months: string[] = [];
  const current = today.slice(0, 7);
  const last = term.endsOn.slice(0, 7) < current ? term.endsOn.slice(0, 7) : previousMonth(current);
  for (let m = term.startsOn.slice(0, 7); m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** What the consoles read of sales reports: each party sees the reports of its own licenses only. */
@Injectable()
export class SalesReportQueryService {
  constructor(
    private readonly clock: Clock,
    private readonly reports: SalesReportRepository,
    private readonly licenses: LicenseReader,
    private readonly products: LicensedProductReader,
    private readonly organizations: OrganizationService,
  ) {}

  /** The license's reports, newest month first: for its merchant's and its studio's members. */
  async ofLicense(actor: Actor, licenseId: string): Promise<SalesReportView[]> {
    const license = await this.visibleLicense(actor, licenseId);
    return this.views(await this.reports.ofLicense(license.id));
  }

  /** The studio's reports, of one status when given (SUBMITTED: the ones waiting for it), oldest month first. */
  async ofStudio(actor: Actor, studioId: string, status: SalesReportStatus | null): Promise<SalesReportView[]> {
    const id = parseId(studioId, 'studioId');
    actor.assertMemberOf(id, OrganizationKind.STUDIO);
    return this.views(await this.reports.ofStudio(id, status, LIST_LIMIT));
  }

  /** Per license of the organization (a studio's granted or a merchant's held), the ended months with no report. */
  async missing(actor: Actor, organizationId: string): Promise<MissingReports[]> {
    const id = parseId(organizationId, 'organizationId');
    const membership = actor.assertMemberOf(id);
    const today = shanghaiDate(this.clock.now());
    const party = membership.kind === OrganizationKind.STUDIO ? { studioId: id } : { merchantId: id };
    const licenses = await this.licenses.inTermDuring('2000-01-01', today, party);
    const reported = await this.reports.monthsReported(licenses.map((l) => l.id));
    const names = await this.names(licenses.map((l) => l.merchantId));
    return licenses
      .map((license) => ({
        license,
        merchant: names.get(license.merchantId) ?? { name: '', nameZh: null },
        months: endedMonthsOfTerm(license, today).filter((m) => !reported.get(license.id)?.has(m)),
      }))
      .filter((l) => l.months.length > 0);
  }

  /** The products the merchant may report under the license (approved by the studio at least once): the template's. */
  async reportableProducts(actor: Actor, licenseId: string): Promise<LicensedProduct[]> {
    const license = await this.visibleLicense(actor, licenseId);
    if (!actor.isMemberOf(license.merchantId, OrganizationKind.MERCHANT))
      throw SalesReportsException.forbidden('Only the merchant of the license reports its sales');
    return (await this.products.ofLicense(license.id)).filter(
      (p) => p.everApproved && p.merchantId === license.merchantId,
    );
  }

  private async visibleLicense(actor: Actor, licenseId: string): Promise<LicenseSnapshot> {
    const license = await this.licenses.findById(parseId(licenseId, 'licenseId'));
    if (!license || !(actor.isMemberOf(license.merchantId) || actor.isMemberOf(license.studioId)))
      throw SalesReportsException.notFound('License', licenseId);
    return license;
  }

  private async views(reports: SalesReportRecord[]): Promise<SalesReportView[]> {
    const lines = await this.reports.linesOf(reports.map((r) => r.id));
    const names = await this.names(reports.map((r) => r.merchantId));
    return reports.map((report) => ({
      report,
      lines: lines.filter((l) => l.reportId === report.id),
      merchant: names.get(report.merchantId) ?? { name: '', nameZh: null },
    }));
  }

  private async names(ids: string[]): Promise<Map<string, MerchantName>> {
    const profiles = await this.organizations.profiles([...new Set(ids)]);
    return new Map(profiles.map((p) => [p.id, { name: p.name, nameZh: p.nameZh }]));
  }
}
