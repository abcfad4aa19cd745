import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind, OrganizationService } from '@chedun/identity';
import { Clock, ConnectionShape, decodeCursor, DomainError, Money, readMinorUnits, MoneyType, parseId, toConnection } from '@chedun/kernel';
import type { Writable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { csvLineSql, streamCsv } from './csv';
import { JournalService, PostingLine } from './journal.service';
import { LicenseSettlement, settleLicense } from './license-settlement';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { RoyaltyStatementLineEntity } from './royalty-statement-line.entity';
import { RoyaltyStatementEntity, RoyaltyStatementStatus } from './royalty-statement.entity';
import { LedgerPolicy } from './ledger.policy';
import { royaltyStatementLifecycle } from './royalty-statement-lifecycle';
import { RoyaltyStatement, RoyaltyStatementLine } from './ledger.types';
import { shanghaiMonth } from './shanghai-period';
import { StatementPdfLine, writeStatementPdf } from './statement-pdf';

/** Lines read per query when printing a statement. */
const PDF_BATCH = 500;

export const STATEMENT_CSV_HEADER = [
  'line_no', 'kind', 'source_id', 'order_line_id', 'occurred_at', 'is_adjustment', 'product_name', 'merchant_name',
  'license_id', 'film_ip_id', 'currency', 'gross_minor', 'refunded_minor', 'royalty_minor',
] as const;

/**
 * Issues and reads royalty statements. A statement takes every split and refund row of the studio dated before
 * the month's end that no statement holds yet (so rows dated inside an already issued month arrive as
 * adjustments), stamps them, copies them into its frozen lines, recoups advances and charges minimum-guarantee
 * shortfalls (license_terms), and is ISSUED in the same transaction.
 */
@Injectable()
export class RoyaltyStatementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
    private readonly journal: JournalService,
  ) {}

  async issue(actor: Actor, input: { studioId: string; month: string; currency: string }): Promise<RoyaltyStatementEntity> {
    const studioId = parseId(input.studioId, 'studioId');
    if (!actor.isPlatform) actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    const [studio] = await this.organizations.findByIds([studioId]);
    if (!studio || studio.kind !== OrganizationKind.STUDIO) throw DomainError.notFound('Studio', studioId);
    const period = shanghaiMonth(input.month);
    if (this.clock.now() < period.end) throw DomainError.conflict('A month can be stated only after it ends', { month: input.month });

    return this.dataSource.transaction(async (m) => {
      // One issuer per studio at a time: the second waits, then finds the month taken.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`royalty-statement:${studioId}:${input.currency}`]);
      const taken = await m.findOneBy(RoyaltyStatementEntity, { studioId, periodMonth: period.firstDay, currency: input.currency });
      if (taken) throw DomainError.conflict('This month already has a statement', { statementId: taken.id });

      const [draft] = (await m.query(
        `INSERT INTO royalty_statements (studio_id, studio_name, period_month, period_start, period_end, currency, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [studioId, studio.name, period.firstDay, period.start, period.end, input.currency, RoyaltyStatementStatus.DRAFT],
      )) as { id: string }[];
      const id = draft!.id;
      const scope = [id, studioId, input.currency, period.end];
      await m.query(
        `UPDATE sale_line_splits SET statement_id = $1
          WHERE studio_id = $2 AND currency = $3 AND paid_at < $4 AND statement_id IS NULL`,
        scope,
      );
      await m.query(
        `UPDATE sale_line_refunds SET statement_id = $1
          WHERE studio_id = $2 AND currency = $3 AND refunded_at < $4 AND statement_id IS NULL`,
        scope,
      );
      await m.query(
        `INSERT INTO royalty_statement_lines (statement_id, line_no, kind, source_id, order_line_id, product_name, merchant_id,
           merchant_name, license_id, film_ip_id, occurred_at, is_adjustment, gross_minor, refunded_minor, royalty_minor)
         SELECT $1, row_number() OVER (ORDER BY occurred_at, kind DESC, source_id), kind, source_id, order_line_id, product_name,
                merchant_id, merchant_name, license_id, film_ip_id, occurred_at, occurred_at < $2, gross, refunded, royalty
           FROM (
             SELECT 'SALE' AS kind, s.order_line_id AS source_id, s.order_line_id, s.product_name, s.merchant_id, s.merchant_name,
                    s.license_id, s.film_ip_id, s.paid_at AS occurred_at, s.gross_minor AS gross, 0::bigint AS refunded,
                    s.royalty_minor AS royalty
               FROM sale_line_splits s WHERE s.statement_id = $1
             UNION ALL
             SELECT 'REFUND', r.refund_id, r.order_line_id, s.product_name, s.merchant_id, s.merchant_name, s.license_id,
                    s.film_ip_id, r.refunded_at, 0::bigint, r.amount_minor, -r.royalty_reversal_minor
               FROM sale_line_refunds r JOIN sale_line_splits s ON s.order_line_id = r.order_line_id WHERE r.statement_id = $1
           ) rows`,
        [id, period.start],
      );
      const settled = await this.settleLicenses(m, { id, studioId, currency: input.currency, nextMonth: period.nextFirstDay });
      await m.query(
        `UPDATE royalty_statements st SET
           status = $6, issued_at = $2, issued_by = $3,
           line_count = t.line_count, gross_minor = t.gross, refunded_minor = t.refunded, royalty_minor = t.royalty,
           adjustments_minor = t.adjustments, advance_recouped_minor = $4::bigint, guarantee_shortfall_minor = $5::bigint,
           amount_due_minor = t.royalty - $4::bigint + $5::bigint
          FROM (SELECT count(*) AS line_count, coalesce(sum(gross_minor), 0) AS gross, coalesce(sum(refunded_minor), 0) AS refunded,
                       coalesce(sum(royalty_minor), 0) AS royalty,
                       coalesce(sum(royalty_minor) FILTER (WHERE is_adjustment), 0) AS adjustments
                  FROM royalty_statement_lines WHERE statement_id = $1) t
         WHERE st.id = $1`,
        [
          id,
          this.clock.now(),
          actor.userId,
          settled.advanceRecouped,
          settled.guaranteeShortfall,
          royaltyStatementLifecycle.move(RoyaltyStatementStatus.DRAFT, RoyaltyStatementStatus.ISSUED),
        ],
      );
      return m.findOneByOrFail(RoyaltyStatementEntity, { id });
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
    const rows = (await m.query(
      `SELECT lt.license_id, lt.merchant_id, lt.advance_minor::text AS advance, lt.advance_recouped_minor::text AS recouped,
              lt.minimum_guarantee_minor::text AS guarantee,
              (lt.ends_on < $4::date AND lt.guarantee_settled_by IS NULL) AS guarantee_due,
              (SELECT coalesce(sum(l.royalty_minor), 0) FROM royalty_statement_lines l
                WHERE l.statement_id = $1 AND l.license_id = lt.license_id)::text AS royalty_now,
              (SELECT coalesce(sum(l.royalty_minor), 0) FROM royalty_statement_lines l JOIN royalty_statements s ON s.id = l.statement_id
                WHERE l.license_id = lt.license_id AND (s.status = 'ISSUED' OR s.id = $1))::text AS royalty_lifetime
         FROM license_terms lt
        WHERE lt.studio_id = $2 AND lt.currency = $3
          AND (EXISTS (SELECT 1 FROM royalty_statement_lines l WHERE l.statement_id = $1 AND l.license_id = lt.license_id)
               OR (lt.ends_on < $4::date AND lt.guarantee_settled_by IS NULL))
        ORDER BY lt.license_id
        FOR UPDATE OF lt`,
      [st.id, st.studioId, st.currency, st.nextMonth],
    )) as Record<string, string | boolean>[];
    const total: LicenseSettlement = { advanceRecouped: 0, guaranteeShortfall: 0 };
    const postings: PostingLine[] = [];
    const money = (v: number) => Money.of(v, st.currency);
    for (const r of rows) {
      const licenseId = r['license_id'] as string;
      const guaranteeDue = r['guarantee_due'] === true;
      const royaltyNow = readMinorUnits(r['royalty_now'] as string);
      const settlement = settleLicense({
        advance: readMinorUnits(r['advance'] as string),
        advanceRecoupedSoFar: readMinorUnits(r['recouped'] as string),
        minimumGuarantee: readMinorUnits(r['guarantee'] as string),
        royaltyThisStatement: royaltyNow,
        royaltyLifetime: readMinorUnits(r['royalty_lifetime'] as string),
        guaranteeDue,
      });
      total.advanceRecouped += settlement.advanceRecouped;
      total.guaranteeShortfall += settlement.guaranteeShortfall;
      postings.push(
        { purpose: AccountPurpose.STUDIO_ROYALTIES_PAYABLE, partyId: st.studioId, amount: money(settlement.advanceRecouped) },
        { purpose: AccountPurpose.ADVANCES_RECOUPED, partyId: licenseId, amount: money(-settlement.advanceRecouped) },
        { purpose: AccountPurpose.MERCHANT_PAYABLE, partyId: r['merchant_id'] as string, amount: money(settlement.guaranteeShortfall) },
        { purpose: AccountPurpose.STUDIO_ROYALTIES_PAYABLE, partyId: st.studioId, amount: money(-settlement.guaranteeShortfall) },
      );
      await m.query(
        `INSERT INTO royalty_statement_licenses (statement_id, license_id, royalty_minor, advance_recouped_minor, guarantee_shortfall_minor)
         VALUES ($1, $2, $3, $4, $5)`,
        [st.id, licenseId, royaltyNow, settlement.advanceRecouped, settlement.guaranteeShortfall],
      );
      await m.query(
        `UPDATE license_terms SET advance_recouped_minor = advance_recouped_minor + $2,
                guarantee_settled_by = CASE WHEN $3 THEN $4::uuid ELSE guarantee_settled_by END
          WHERE license_id = $1`,
        [licenseId, settlement.advanceRecouped, guaranteeDue, st.id],
      );
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
    return this.dataSource.getRepository(RoyaltyStatementEntity).find({
      where: { studioId: parseId(studioId, 'studioId'), status: RoyaltyStatementStatus.ISSUED },
      order: { periodMonth: 'DESC', currency: 'ASC' },
    });
  }

  async get(actor: Actor, id: string): Promise<RoyaltyStatementEntity> {
    const statement = await this.dataSource.getRepository(RoyaltyStatementEntity).findOneBy({ id: parseId(id) });
    if (!statement || statement.status !== RoyaltyStatementStatus.ISSUED) throw DomainError.notFound('Royalty statement', id);
    try {
      LedgerPolicy.readStatements(actor, statement.studioId);
    } catch {
      throw DomainError.notFound('Royalty statement', id);
    }
    return statement;
  }

  async lines(statement: RoyaltyStatementEntity, first: number, after?: string | null): Promise<ConnectionShape<RoyaltyStatementLine>> {
    const from = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isSafeInteger(from)) throw DomainError.badInput('The cursor is not one this API handed out', { after });
    const rows = await this.dataSource
      .getRepository(RoyaltyStatementLineEntity)
      .createQueryBuilder('l')
      .where('l.statement_id = :id AND l.line_no > :from', { id: statement.id, from })
      .orderBy('l.line_no', 'ASC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows.map((r) => toStatementLine(r, statement.currency)), first, statement.lineCount, (l) => [l.lineNo]);
  }

  /** The statement as a PDF to file; lines are read in keyset batches, never all at once. */
  writePdf(statement: RoyaltyStatementEntity, out: Writable): Promise<void> {
    return writeStatementPdf(statement, this.pdfLines(statement.id), out);
  }

  private async *pdfLines(statementId: string): AsyncGenerator<StatementPdfLine[]> {
    let after = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT line_no, kind, occurred_at, is_adjustment, product_name, merchant_name, gross_minor::text AS gross,
                refunded_minor::text AS refunded, royalty_minor::text AS royalty
           FROM royalty_statement_lines WHERE statement_id = $1 AND line_no > $2 ORDER BY line_no LIMIT ${PDF_BATCH}`,
        [statementId, after],
      )) as Record<string, unknown>[];
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        lineNo: Number(r['line_no']),
        kind: r['kind'] as 'SALE' | 'REFUND',
        occurredAt: r['occurred_at'] as Date,
        isAdjustment: r['is_adjustment'] as boolean,
        productName: r['product_name'] as string,
        merchantName: r['merchant_name'] as string,
        grossMinor: readMinorUnits(r['gross'] as string),
        refundedMinor: readMinorUnits(r['refunded'] as string),
        royaltyMinor: readMinorUnits(r['royalty'] as string),
      }));
      after = Number(rows.at(-1)!['line_no']);
      if (rows.length < PDF_BATCH) return;
    }
  }

  async writeCsv(statement: RoyaltyStatementEntity, out: Writable): Promise<void> {
    const line = csvLineSql([
      { plain: 'line_no' }, { plain: 'kind' }, { plain: 'source_id' }, { plain: 'order_line_id' }, { timestamp: 'occurred_at' },
      { plain: 'is_adjustment' }, { text: 'product_name' }, { text: 'merchant_name' }, { plain: 'license_id' }, { plain: 'film_ip_id' },
      { plain: '$2::text' }, { plain: 'gross_minor' }, { plain: 'refunded_minor' }, { plain: 'royalty_minor' },
    ]);
    const amount = (kind: string, value: number) => [kind, '', '', '', '', '', '', '', '', '', statement.currency, '', '', value];
    await streamCsv(
      this.dataSource,
      out,
      { sql: `SELECT ${line} FROM royalty_statement_lines WHERE statement_id = $1 ORDER BY line_no`, params: [statement.id, statement.currency] },
      STATEMENT_CSV_HEADER,
      async () => [
        ['TOTAL', '', '', '', '', '', '', '', '', '', statement.currency, statement.grossMinor, statement.refundedMinor, statement.royaltyMinor],
        amount('ADJUSTMENTS', statement.adjustmentsMinor),
        amount('ADVANCE_RECOUPED', -statement.advanceRecoupedMinor),
        amount('GUARANTEE_SHORTFALL', statement.guaranteeShortfallMinor),
        amount('AMOUNT_DUE', statement.amountDueMinor),
      ],
    );
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
    sourceId: r.sourceId,
    orderLineId: r.orderLineId,
    productName: r.productName,
    merchantName: r.merchantName,
    licenseId: r.licenseId,
    filmIpId: r.filmIpId,
    occurredAt: r.occurredAt,
    isAdjustment: r.isAdjustment,
    gross: money(r.grossMinor),
    refunded: money(r.refundedMinor),
    royalty: money(r.royaltyMinor),
  };
}
