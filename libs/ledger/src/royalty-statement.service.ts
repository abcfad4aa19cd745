import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind, OrganizationService } from '@chedun/identity';
import {
  Clock,
  ConnectionShape,
  decodeCursor,
  DomainError,
  Money,
  MoneyType,
  parseId,
  toConnection,
} from '@chedun/kernel';
import type { Writable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { CsvExportRepository } from './csv-export.repository';
import { JournalService, PostingLine } from './journal.service';
import { LicenseSettlement, settleLicense } from './license-settlement';
import { LicenseTermsRepository } from './license-terms.repository';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { RoyaltyStatementLineEntity } from './royalty-statement-line.entity';
import { RoyaltyStatementEntity, RoyaltyStatementStatus } from './royalty-statement.entity';
import { RoyaltyStatementRepository } from './royalty-statement.repository';
import { LedgerPolicy } from './ledger.policy';
import { royaltyStatementLifecycle } from './royalty-statement-lifecycle';
import { RoyaltySource, RoyaltyStatement, RoyaltyStatementLine } from './ledger.types';
import { shanghaiMonth } from './shanghai-period';
import { ReportLanguage, StatementPdfLine, writeStatementPdf } from './statement-pdf';

/** Lines read per query when printing a statement. */
const PDF_BATCH = 500;

/**
 * Issues, re-issues and reads royalty statements. A statement takes every split, refund and reported row of the studio
 * dated before the month's end that no statement holds yet (rows dated inside an already stated month arrive as
 * adjustments, rows of earlier months that never had a statement as "earlier, unstated"), stamps them, copies them
 * into its frozen lines, recoups advances and charges minimum-guarantee shortfalls (license_terms), and is ISSUED in
 * the same transaction.
 */
@Injectable()
export class RoyaltyStatementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
    private readonly journal: JournalService,
    private readonly statements: RoyaltyStatementRepository,
    private readonly licenseTerms: LicenseTermsRepository,
    private readonly csv: CsvExportRepository,
  ) {}

  async issue(
    actor: Actor,
    input: { studioId: string; month: string; currency: string },
  ): Promise<RoyaltyStatementEntity> {
    const { studio, period } = await this.authorizeIssuer(actor, input);
    return this.dataSource.transaction(async (m) => {
      const statements = this.statements.forManager(m);
      await statements.lockIssuer(studio.id, input.currency);
      const taken = await statements.findOfMonth(studio.id, period.firstDay, input.currency);
      if (taken) throw DomainError.conflict('This month already has a statement', { statementId: taken.id });
      return this.state(m, actor, { studio, period, currency: input.currency, previous: null });
    });
  }

  /**
   * A new version of the month's statement: it restates every line of the version it supersedes, takes the rows
   * that arrived since (dated before the month's end and in no statement yet), settles only those, and owes what
   * payouts have not already transferred for the earlier versions. The earlier version stays, SUPERSEDED.
   */
  async reissue(
    actor: Actor,
    input: { studioId: string; month: string; currency: string },
  ): Promise<RoyaltyStatementEntity> {
    const { studio, period } = await this.authorizeIssuer(actor, input);
    return this.dataSource.transaction(async (m) => {
      const statements = this.statements.forManager(m);
      await statements.lockIssuer(studio.id, input.currency);
      const previous = await statements.findOfMonth(studio.id, period.firstDay, input.currency);
      if (!previous)
        throw DomainError.conflict('This month has no statement to re-issue; issue it first', { month: input.month });
      const payouts = await statements.payoutsOf(previous.id);
      if (payouts.inTransit)
        throw DomainError.conflict('A payout of this statement is still in transit; re-issue once it has settled', {
          statementId: previous.id,
        });
      return this.state(m, actor, { studio, period, currency: input.currency, previous, paid: payouts.paidMinor });
    });
  }

  /** Staff of that studio (or the platform) state its months, each only once the month is over. */
  private async authorizeIssuer(
    actor: Actor,
    input: { studioId: string; month: string },
  ): Promise<{ studio: { id: string; name: string }; period: ReturnType<typeof shanghaiMonth> }> {
    const studioId = parseId(input.studioId, 'studioId');
    if (!actor.isPlatform) actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    const [studio] = await this.organizations.findByIds([studioId]);
    if (!studio || studio.kind !== OrganizationKind.STUDIO) throw DomainError.notFound('Studio', studioId);
    const period = shanghaiMonth(input.month);
    if (this.clock.now() < period.end)
      throw DomainError.conflict('A month can be stated only after it ends', { month: input.month });
    return { studio: { id: studio.id, name: studio.name }, period };
  }

  private async state(
    m: EntityManager,
    actor: Actor,
    st: {
      studio: { id: string; name: string };
      period: ReturnType<typeof shanghaiMonth>;
      currency: string;
      previous: RoyaltyStatementEntity | null;
      paid?: number;
    },
  ): Promise<RoyaltyStatementEntity> {
    const statements = this.statements.forManager(m);
    const { studio, period, currency, previous } = st;
    const id = await statements.insertDraft({
      studioId: studio.id,
      studioName: studio.name,
      periodMonth: period.firstDay,
      periodStart: period.start,
      periodEnd: period.end,
      currency,
      version: previous ? previous.version + 1 : 1,
      supersedes: previous?.id ?? null,
    });
    // Before the settlement, which counts a license's royalty over the issued statements and this one.
    if (previous)
      await statements.supersede(
        previous.id,
        id,
        royaltyStatementLifecycle.move(previous.status, RoyaltyStatementStatus.SUPERSEDED, 'reissue'),
      );
    await statements.takeRows(
      { statementId: id, studioId: studio.id, currency, periodStart: period.start, periodEnd: period.end },
      previous?.id ?? null,
    );
    const settled = await this.settleLicenses(m, { id, studioId: studio.id, currency, nextMonth: period.nextFirstDay });
    return statements.issue(id, {
      status: royaltyStatementLifecycle.move(RoyaltyStatementStatus.DRAFT, RoyaltyStatementStatus.ISSUED),
      issuedAt: this.clock.now(),
      issuedBy: actor.userId,
      advanceRecoupedMinor: (previous?.advanceRecoupedMinor ?? 0) + settled.advanceRecouped,
      guaranteeShortfallMinor: (previous?.guaranteeShortfallMinor ?? 0) + settled.guaranteeShortfall,
      previouslyPaidMinor: (previous?.previouslyPaidMinor ?? 0) + (st.paid ?? 0),
    });
  }

  /**
   * Applies each license's advance and minimum guarantee (license_terms) to this statement: royalties kept back
   * against the advance move from the studio's payable to the license's ADVANCES_RECOUPED; a guarantee shortfall
   * at the end of the term moves from the merchant's payable to the studio's. One journal entry for the statement.
   */
  private async settleLicenses(
    m: EntityManager,
    st: { id: string; studioId: string; currency: string; nextMonth: string },
  ): Promise<LicenseSettlement> {
    const statements = this.statements.forManager(m);
    const licenseTerms = this.licenseTerms.forManager(m);
    const licenses = await statements.licensesToSettle(st.id, st.studioId, st.currency, st.nextMonth);
    const total: LicenseSettlement = { advanceRecouped: 0, guaranteeShortfall: 0 };
    const postings: PostingLine[] = [];
    const money = (v: number) => Money.of(v, st.currency);
    for (const { licenseId, merchantId, standing } of licenses) {
      const settlement = settleLicense(standing);
      total.advanceRecouped += settlement.advanceRecouped;
      total.guaranteeShortfall += settlement.guaranteeShortfall;
      postings.push(
        {
          purpose: AccountPurpose.STUDIO_ROYALTIES_PAYABLE,
          partyId: st.studioId,
          amount: money(settlement.advanceRecouped),
        },
        { purpose: AccountPurpose.ADVANCES_RECOUPED, partyId: licenseId, amount: money(-settlement.advanceRecouped) },
        { purpose: AccountPurpose.MERCHANT_PAYABLE, partyId: merchantId, amount: money(settlement.guaranteeShortfall) },
        {
          purpose: AccountPurpose.STUDIO_ROYALTIES_PAYABLE,
          partyId: st.studioId,
          amount: money(-settlement.guaranteeShortfall),
        },
      );
      await statements.recordLicense(st.id, {
        licenseId,
        royaltyMinor: standing.royaltyThisStatement,
        advanceRecoupedMinor: settlement.advanceRecouped,
        guaranteeShortfallMinor: settlement.guaranteeShortfall,
      });
      await licenseTerms.applySettlement(licenseId, {
        advanceRecoupedMinor: settlement.advanceRecouped,
        guaranteeSettledBy: standing.guaranteeDue ? st.id : null,
      });
    }
    if (postings.some((p) => !p.amount.isZero())) {
      // A statement id is new, so this entry cannot exist yet.
      await this.journal.post(m, {
        kind: JournalEntryKind.ADJUSTMENT,
        sourceId: `statement:${st.id}`,
        occurredAt: this.clock.now(),
        memo: `Advances recouped and guarantees charged by royalty statement ${st.id}`,
        postings,
      });
    }
    return total;
  }

  async list(actor: Actor, studioId: string): Promise<RoyaltyStatementEntity[]> {
    LedgerPolicy.readStatements(actor, studioId);
    return this.statements.issuedOfStudio(parseId(studioId, 'studioId'));
  }

  async get(actor: Actor, id: string): Promise<RoyaltyStatementEntity> {
    const statement = await this.statements.findById(parseId(id));
    if (!statement || statement.status === RoyaltyStatementStatus.DRAFT)
      throw DomainError.notFound('Royalty statement', id);
    try {
      LedgerPolicy.readStatements(actor, statement.studioId);
    } catch {
      throw DomainError.notFound('Royalty statement', id);
    }
    return statement;
  }

  async lines(
    statement: RoyaltyStatementEntity,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<RoyaltyStatementLine>> {
    const from = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isSafeInteger(from)) throw DomainError.badInput('The cursor is not one this API handed out', { after });
    const rows = await this.statements.linesAfter(statement.id, from, first + 1);
    return toConnection(
      rows.map((r) => toStatementLine(r, statement.currency)),
      first,
      statement.lineCount,
      (l) => [l.lineNo],
    );
  }

  /** The statement as a PDF to file; lines are read in keyset batches, never all at once. */
  writePdf(statement: RoyaltyStatementEntity, out: Writable, lang: ReportLanguage = 'zh'): Promise<void> {
    return writeStatementPdf(statement, this.pdfLines(statement.id), out, lang);
  }

  private async *pdfLines(statementId: string): AsyncGenerator<StatementPdfLine[]> {
    let after = 0;
    for (;;) {
      const lines = await this.statements.pdfLinesAfter(statementId, after, PDF_BATCH);
      const last = lines.at(-1);
      if (!last) return;
      yield lines;
      after = last.lineNo;
      if (lines.length < PDF_BATCH) return;
    }
  }

  /** The statement's lines as CSV, then its totals and what is due. */
  writeCsv(statement: RoyaltyStatementEntity, out: Writable, lang: ReportLanguage = 'en'): Promise<void> {
    return this.csv.statement(statement, out, lang);
  }
}
export function toStatement(e: RoyaltyStatementEntity): RoyaltyStatement {
  const money = (v: number) => MoneyType.from(Money.of(v, e.currency));
  return {
    id: e.id,
    studioId: e.studioId,
    studioName: e.studioName,
    month: e.periodMonth.slice(0, 7),
    status: e.status,
    currency: e.currency,
    lineCount: e.lineCount,
    gross: money(e.grossMinor),
    refunded: money(e.refundedMinor),
    royalty: money(e.royaltyMinor),
    adjustments: money(e.adjustmentsMinor),
    unstatedEarlier: money(e.unstatedEarlierMinor),
    periodRoyalty: money(e.royaltyMinor - e.adjustmentsMinor - e.unstatedEarlierMinor),
    previouslyPaid: money(e.previouslyPaidMinor),
    version: e.version,
    supersededBy: e.supersededBy,
    advanceRecouped: money(e.advanceRecoupedMinor),
    guaranteeShortfall: money(e.guaranteeShortfallMinor),
    amountDue: money(e.amountDueMinor),
    issuedAt: e.issuedAt,
  };
}

function toStatementLine(r: RoyaltyStatementLineEntity, currency: string): RoyaltyStatementLine {
  const money = (v: number) => MoneyType.from(Money.of(v, currency));
  return {
    lineNo: r.lineNo,
    kind: r.kind,
    source: r.kind === 'REPORTED' ? RoyaltySource.REPORTED : RoyaltySource.MARKETPLACE,
    sourceId: r.sourceId,
    orderLineId: r.orderLineId,
    productName: r.productName,
    productNameZh: r.productNameZh,
    merchantName: r.merchantName,
    licenseId: r.licenseId,
    filmIpId: r.filmIpId,
    occurredAt: r.occurredAt,
    isAdjustment: r.isAdjustment,
    unstatedEarlier: r.unstatedEarlier,
    gross: money(r.grossMinor),
    refunded: money(r.refundedMinor),
    royalty: money(r.royaltyMinor),
  };
}
