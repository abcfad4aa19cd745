import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { LicensedProductReader } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { AccountEmailRequested, Actor, IdentityReader, OrganizationKind, OrganizationService } from '@chedun/identity';
import { assertWithinCeiling, Clock, DEFAULT_CURRENCY, Money, parseId } from '@chedun/kernel';
import { ReportedRoyaltyService, royaltyOf } from '@chedun/ledger';
import { LicenseReader, LicenseSnapshot } from '@chedun/licensing';
import { DataSource, EntityManager } from 'typeorm';
import { SalesReportStatus, salesReportLifecycle } from './sales-report-lifecycle';
import { ReportContent, SalesReportRecord, SalesReportRepository } from './sales-report.repository';
import { assertReportableMonth, lineErrors, MAX_REPORT_LINES, ReportLineDraft } from './sales-report-rules';
import { SalesReportsException } from './sales-reports.exception';

export interface SalesReportSubmission {
  licenseId: string;
  month: string;
  noSales: boolean;
  lines: readonly ReportLineDraft[];
}

/** Longest dispute reason a studio may write. */
export const MAX_REASON_LENGTH = 2000;

/**
 * Sales reported from shops (DESIGN §2, channels and reported sales): the merchant submits and revises a license's
 * month, the studio accepts (posting its royalty to the ledger in the same transaction) or disputes it.
 */
@Injectable()
export class SalesReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly reports: SalesReportRepository,
    private readonly licenses: LicenseReader,
    private readonly products: LicensedProductReader,
    private readonly ledger: ReportedRoyaltyService,
    private readonly identity: IdentityReader,
    private readonly organizations: OrganizationService,
    private readonly bus: DomainEventBus,
  ) {}

  /**
   * Owner or staff of the license's merchant. Checks the month and every line before writing anything; a month
   * already reported is revised (its lines replaced) unless the studio has accepted it.
   */
  async submit(actor: Actor, input: SalesReportSubmission): Promise<SalesReportRecord> {
    const license = await this.licenseOfMerchant(actor, input.licenseId);
    assertReportableMonth(input.month, license, this.clock.now());
    const content = await this.checkedContent(actor, license, input);
    return this.dataSource.transaction(async (m) => {
      const reports = this.reports.forManager(m);
      let existing = await reports.lockOfMonth(license.id, input.month);
      if (!existing) {
        const id = await reports.insertIfAbsent(
          {
            licenseId: license.id,
            merchantId: license.merchantId,
            studioId: license.studioId,
            month: input.month,
            status: SalesReportStatus.SUBMITTED,
          },
          content,
        );
        if (id) return (await reports.findById(id)) ?? missing(id);
        // Another submission of the same month committed first: this one revises it.
        existing = (await reports.lockOfMonth(license.id, input.month)) ?? missing(input.month);
      }
      const status = salesReportLifecycle.move(existing.status, SalesReportStatus.SUBMITTED, 'revise');
      await reports.revise(existing.id, status, content);
      return (await reports.findById(existing.id)) ?? missing(existing.id);
    });
  }

  /**
   * Staff of the license's studio. Accepting posts the royalty to the ledger in the same transaction (once: a second
   * acceptance, concurrent or later, finds the report ACCEPTED and changes nothing); disputing needs a reason.
   */
  async decide(
    actor: Actor,
    input: { id: string; accept: boolean; reason?: string | null },
  ): Promise<SalesReportRecord> {
    const id = parseId(input.id, 'id');
    const reason = input.reason?.trim() ?? '';
    if (!input.accept && (reason.length === 0 || reason.length > MAX_REASON_LENGTH)) {
      throw SalesReportsException.badInput(`A dispute needs a reason of 1 to ${MAX_REASON_LENGTH} characters`, {
        field: 'reason',
      });
    }
    const found = await this.reports.findById(id);
    if (!found || !(actor.isMemberOf(found.studioId) || actor.isMemberOf(found.merchantId)))
      throw SalesReportsException.notFound('Sales report', input.id);
    if (!actor.isMemberOf(found.studioId, OrganizationKind.STUDIO))
      throw SalesReportsException.forbidden('Only the studio of the license decides its sales reports');

    return this.dataSource.transaction(async (m) => {
      const reports = this.reports.forManager(m);
      const report = (await reports.lockById(id)) ?? missing(id);
      if (input.accept && report.status === SalesReportStatus.ACCEPTED) return report;
      const to = input.accept ? SalesReportStatus.ACCEPTED : SalesReportStatus.DISPUTED;
      const status = salesReportLifecycle.move(report.status, to, input.accept ? 'accept' : 'dispute');
      const at = this.clock.now();
      await reports.decide(id, { status, reason: input.accept ? null : reason, by: actor.userId, at });
      if (!input.accept) await this.emailDispute(m, report, reason);
      if (input.accept) {
        const license = (await this.licenses.findById(report.licenseId, m)) ?? missing(report.licenseId);
        const lines = await reports.linesOf([id]);
        await this.ledger.post(m, {
          reportId: id,
          licenseId: report.licenseId,
          studioId: report.studioId,
          merchantId: report.merchantId,
          filmIpId: license.filmIpId,
          month: report.month,
          currency: report.currency,
          royaltyBps: report.royaltyBps,
          acceptedAt: at,
          lines: lines.map((l) => ({
            lineId: l.id,
            productId: l.productId,
            productName: l.productName,
            productNameZh: l.productNameZh,
            channel: l.channel,
            quantity: l.quantity,
            grossMinor: l.grossMinor,
          })),
        });
      }
      return (await reports.findById(id)) ?? missing(id);
    });
  }

  /**
   * Every owner of the merchant reads the studio's reason, in the deciding transaction: the email exists exactly when
   * the dispute commits.
   */
  private async emailDispute(m: EntityManager, report: SalesReportRecord, reason: string): Promise<void> {
    const owners = await this.identity.ownerIds(report.merchantId, m);
    const recipients = await this.identity.recipients(owners);
    const names = new Map(
      (await this.organizations.profiles([report.merchantId, report.studioId], m)).map((o) => [
        o.id,
        o.nameZh && o.nameZh !== o.name ? `${o.nameZh} ${o.name}` : o.name,
      ]),
    );
    for (const ownerId of owners) {
      const recipient = recipients.get(ownerId);
      if (!recipient) continue;
      const event: AccountEmailRequested = {
        type: 'AccountEmailRequested',
        recipientUserId: ownerId,
        recipientEmail: recipient.email,
        email: {
          kind: 'SALES_REPORT_DISPUTED',
          organizationName: names.get(report.merchantId) ?? report.merchantId,
          studioName: names.get(report.studioId) ?? report.studioId,
          licenseId: report.licenseId,
          month: report.month,
          reason,
        },
      };
      await this.bus.publish(event, m);
    }
  }

  /** The license, if the actor reports for its merchant; NOT_FOUND to anyone who is not a party to it. */
  async licenseOfMerchant(actor: Actor, licenseId: string): Promise<LicenseSnapshot> {
    const license = await this.licenses.findById(parseId(licenseId, 'licenseId'));
    if (!license || !(actor.isMemberOf(license.merchantId) || actor.isMemberOf(license.studioId)))
      throw SalesReportsException.notFound('License', licenseId);
    if (!actor.isMemberOf(license.merchantId, OrganizationKind.MERCHANT))
      throw SalesReportsException.forbidden('Only the merchant of the license reports its sales');
    return license;
  }

  private async checkedContent(
    actor: Actor,
    license: LicenseSnapshot,
    input: SalesReportSubmission,
  ): Promise<ReportContent> {
    if (input.noSales && input.lines.length > 0)
      throw SalesReportsException.badInput('A nil report (noSales) has no lines', { field: 'lines' });
    if (!input.noSales && input.lines.length === 0)
      throw SalesReportsException.badInput('Report at least one line, or a nil report with noSales: true', {
        field: 'lines',
      });
    if (input.lines.length > MAX_REPORT_LINES)
      throw SalesReportsException.badInput(`At most ${MAX_REPORT_LINES} lines a report`, { field: 'lines' });
    const found = await this.products.ofLicense(
      license.id,
      input.lines.map((l) => l.productId),
    );
    const products = new Map(found.map((p) => [p.id, p]));
    const errors = lineErrors(input.lines, {
      merchantId: license.merchantId,
      channels: license.channels,
      products,
      amountCeilingMinor: this.config.amounts.amountCeilingMinor,
    });
    if (errors.length > 0) throw SalesReportsException.rows(errors);
    const currency = input.lines[0]?.currency ?? DEFAULT_CURRENCY;
    const lines = input.lines.map((l, i) => {
      const product = products.get(l.productId.toLowerCase()) ?? missing(l.productId);
      return {
        lineNo: i + 1,
        productId: product.id,
        productName: product.name,
        productNameZh: product.nameZh,
        channel: l.channel,
        quantity: l.quantity,
        grossMinor: l.grossMinor,
        royaltyMinor: royaltyOf(Money.of(l.grossMinor, currency), license.royaltyBps).amountMinor,
      };
    });
    const grossMinor = lines.reduce((sum, l) => sum + l.grossMinor, 0);
    assertWithinCeiling(grossMinor, this.config.amounts.orderTotalCeilingMinor, 'gross');
    return {
      noSales: input.noSales,
      currency,
      royaltyBps: license.royaltyBps,
      grossMinor,
      royaltyMinor: lines.reduce((sum, l) => sum + l.royaltyMinor, 0),
      submittedBy: actor.userId,
      submittedAt: this.clock.now(),
      lines,
    };
  }
}

/** A row this transaction just wrote or locked cannot vanish: only a programming error gets here. */
function missing(what: string): never {
  throw new Error(`Sales report row ${what} vanished inside its transaction`);
}
