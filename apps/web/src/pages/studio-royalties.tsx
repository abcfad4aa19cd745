import { FormEvent, useState } from 'react';
import { DataTable } from '../components/data-table';
import { PeriodForm, yearToDate } from '../components/period-form';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import type { RoyaltySeriesBy } from '../gql/graphql';
import { ApiError, downloadWithSession } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useFilmIpTitles } from '../lib/use-film-ip-titles';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const RoyaltyTotals = graphql(`
  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {
    royaltyReport(studioId: $studioId, from: $from, to: $to) {
      currency
      totals {
        lineCount
        gross {
          amountMinor
          currency
        }
        refunded {
          amountMinor
          currency
        }
        royalty {
          amountMinor
          currency
        }
      }
    }
  }
`);

const RoyaltySeries = graphql(`
  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {
    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {
      month
      key
      label
      gross {
        amountMinor
        currency
      }
      royalty {
        amountMinor
        currency
      }
    }
  }
`);

const RoyaltyLines = graphql(`
  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {
    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          orderLineId
          paidAt
          productName
          productNameZh
          merchantName
          gross {
            amountMinor
            currency
          }
          refunded {
            amountMinor
            currency
          }
          royalty {
            amountMinor
            currency
          }
        }
      }
    }
  }
`);

const RoyaltyStatements = graphql(`
  query RoyaltyStatements($studioId: ID!) {
    royaltyStatements(studioId: $studioId) {
      id
      month
      version
      status
      lineCount
      issuedAt
      royalty {
        amountMinor
        currency
      }
      periodRoyalty {
        amountMinor
        currency
      }
      unstatedEarlier {
        amountMinor
        currency
      }
      adjustments {
        amountMinor
        currency
      }
      previouslyPaid {
        amountMinor
        currency
      }
      amountDue {
        amountMinor
        currency
      }
    }
  }
`);

const IssueStatement = graphql(`
  mutation IssueStatement($studioId: ID!, $month: String!) {
    issueRoyaltyStatement(studioId: $studioId, month: $month) {
      id
    }
  }
`);

const ReissueStatement = graphql(`
  mutation ReissueStatement($studioId: ID!, $month: String!) {
    reissueRoyaltyStatement(studioId: $studioId, month: $month) {
      id
    }
  }
`);

/** The month before this one (Asia/Shanghai), YYYY-MM: the latest a studio can state. */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function StudioRoyaltiesSection({ studio }: { studio: Organization }) {
  const { t, formatMoney, lang } = useI18n();
  const [period, setPeriod] = useState(yearToDate);
  const variables = { studioId: studio.id, ...period };
  const totals = useQuery(RoyaltyTotals, variables);
  const [downloadError, setDownloadError] = useState<ApiError | undefined>();
  const download = async () => {
    setDownloadError(undefined);
    const query = new URLSearchParams({ studioId: studio.id, from: period.from, to: period.to, lang });
    try {
      await downloadWithSession(
        `/reports/royalties.csv?${query.toString()}`,
        `royalties-${period.from}-${period.to}.csv`,
      );
    } catch (error) {
      setDownloadError(error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)));
    }
  };
  return (
    <div className="royalties">
      <h2>{t('royalty.title')}</h2>
      <PeriodForm period={period} onApply={setPeriod}>
        <button type="button" className="secondary" onClick={download}>
          {t('royalty.csv')}
        </button>
      </PeriodForm>
      {downloadError && <ErrorMessage error={downloadError} />}
      <QueryView state={totals}>
        {(d) => (
          <dl className="totals">
            <div className="card">
              <dt>{t('royalty.gross')}</dt>
              <dd>{formatMoney(d.royaltyReport.totals.gross.amountMinor, d.royaltyReport.totals.gross.currency)}</dd>
            </div>
            <div className="card">
              <dt>{t('royalty.refunded')}</dt>
              <dd>
                {formatMoney(d.royaltyReport.totals.refunded.amountMinor, d.royaltyReport.totals.refunded.currency)}
              </dd>
            </div>
            <div className="card">
              <dt>{t('royalty.royalty')}</dt>
              <dd data-testid="royalty-total">
                {formatMoney(d.royaltyReport.totals.royalty.amountMinor, d.royaltyReport.totals.royalty.currency)}
              </dd>
            </div>
            <div className="card">
              <dt>{t('royalty.lines')}</dt>
              <dd>{d.royaltyReport.totals.lineCount}</dd>
            </div>
          </dl>
        )}
      </QueryView>
      <MonthlyChart variables={variables} />
      <div className="grid-2 even">
        <Breakdown variables={variables} by="FILM_IP" title={t('royalty.byIp')} />
        <Breakdown variables={variables} by="MERCHANT" title={t('royalty.byMerchant')} />
      </div>
      <LinesTable variables={variables} />
      <Statements studio={studio} />
    </div>
  );
}

type ReportVariables = { studioId: string; from: string; to: string };

function MonthlyChart({ variables }: { variables: ReportVariables }) {
  const { t, formatMoney } = useI18n();
  const series = useQuery(RoyaltySeries, { ...variables, by: 'NONE' });
  return (
    <section aria-labelledby="monthly">
      <h3 id="monthly">{t('royalty.monthly')}</h3>
      <QueryView state={series} isEmpty={(d) => d.royaltySeries.length === 0} empty={t('royalty.noSales')}>
        {(d) => {
          const max = Math.max(1, ...d.royaltySeries.map((p) => p.royalty.amountMinor));
          return (
            <ul className="bars" data-testid="monthly-chart">
              {d.royaltySeries.map((point) => (
                <li key={point.month}>
                  <span className="bar-label">{point.month}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span
                      className="bar"
                      style={{ width: `${Math.max(2, (point.royalty.amountMinor / max) * 100)}%` }}
                    />
                  </span>
                  <span className="bar-value">{formatMoney(point.royalty.amountMinor, point.royalty.currency)}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}

function Breakdown({ variables, by, title }: { variables: ReportVariables; by: RoyaltySeriesBy; title: string }) {
  const { t, pick, formatMoney } = useI18n();
  const titleOf = useFilmIpTitles();
  const series = useQuery(RoyaltySeries, { ...variables, by });
  return (
    <section className="card">
      <h3>{title}</h3>
      <QueryView state={series} isEmpty={(d) => d.royaltySeries.length === 0} empty={t('royalty.noSales')}>
        {(d) => {
          const sums = new Map<string, { label: string; royalty: number; gross: number; currency: string }>();
          for (const point of d.royaltySeries) {
            const key = point.key ?? '';
            const label =
              by === 'FILM_IP'
                ? (() => {
                    const ip = titleOf({ id: key, title: key.slice(0, 8) });
                    return pick(ip.titleZh, ip.title);
                  })()
                : point.label;
            const sum = sums.get(key) ?? { label, royalty: 0, gross: 0, currency: point.royalty.currency };
            sum.royalty += point.royalty.amountMinor;
            sum.gross += point.gross.amountMinor;
            sums.set(key, sum);
          }
          return (
            <DataTable
              data-testid={`breakdown-${by}`}
              columns={[
                {
                  header: by === 'FILM_IP' ? t('royalty.filmIp') : t('royalty.merchant'),
                  cell: ([, sum]) => sum.label,
                },
                { header: t('royalty.gross'), cell: ([, sum]) => formatMoney(sum.gross, sum.currency) },
                { header: t('royalty.royalty'), cell: ([, sum]) => formatMoney(sum.royalty, sum.currency) },
              ]}
              rows={[...sums.entries()].sort((a, b) => b[1].royalty - a[1].royalty)}
              rowKey={([key]) => key}
            />
          );
        }}
      </QueryView>
    </section>
  );
}

function LinesTable({ variables }: { variables: ReportVariables }) {
  const { t, pick, formatMoney, formatDate } = useI18n();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const lines = useQuery(RoyaltyLines, { ...variables, after });
  return (
    <section aria-labelledby="lines">
      <h3 id="lines">{t('royalty.lineTable')}</h3>
      <QueryView state={lines} isEmpty={(d) => d.royaltyReportLines.edges.length === 0} empty={t('royalty.noSales')}>
        {(d) => (
          <>
            <DataTable
              scrollLabel={t('royalty.lineTable')}
              data-testid="royalty-lines"
              columns={[
                { header: t('royalty.paidAt'), cell: ({ node }) => formatDate(node.paidAt) },
                { header: t('royalty.product'), cell: ({ node }) => pick(node.productNameZh, node.productName) },
                { header: t('royalty.merchant'), cell: ({ node }) => node.merchantName },
                {
                  header: t('royalty.gross'),
                  cell: ({ node }) => formatMoney(node.gross.amountMinor, node.gross.currency),
                },
                {
                  header: t('royalty.refunded'),
                  cell: ({ node }) => formatMoney(node.refunded.amountMinor, node.refunded.currency),
                },
                {
                  header: t('royalty.royalty'),
                  cell: ({ node }) => formatMoney(node.royalty.amountMinor, node.royalty.currency),
                },
              ]}
              rows={d.royaltyReportLines.edges}
              rowKey={({ node }) => node.orderLineId}
            />
            <div className="pager">
              <span className="muted">
                {t('royalty.pageOf', { page: cursors.length, total: d.royaltyReportLines.totalCount })}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={cursors.length === 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {t('royalty.previous')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={!d.royaltyReportLines.pageInfo.hasNextPage}
                onClick={() => setCursors((c) => [...c, d.royaltyReportLines.pageInfo.endCursor ?? null])}
              >
                {t('royalty.next')}
              </button>
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
}

function Statements({ studio }: { studio: Organization }) {
  const { t, formatMoney, lang } = useI18n();
  const statements = useQuery(RoyaltyStatements, { studioId: studio.id });
  const issue = useMutation(IssueStatement);
  const reissue = useMutation(ReissueStatement);
  const [month, setMonth] = useState(lastMonth);
  const [error, setError] = useState<ApiError | undefined>();
  const download = async (id: string, month: string, version: number, format: 'csv' | 'pdf') => {
    setError(undefined);
    try {
      await downloadWithSession(
        `/reports/statements/${id}.${format}?lang=${lang}`,
        `royalty-statement-${month}${version > 1 ? `-v${version}` : ''}.${format}`,
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught)));
    }
  };
  const onIssue = async (event: FormEvent) => {
    event.preventDefault();
    if (await issue.run({ studioId: studio.id, month })) statements.reload();
  };
  const money = (m: { amountMinor: number; currency: string }) => formatMoney(m.amountMinor, m.currency);
  return (
    <section aria-labelledby="statements">
      <h3 id="statements">{t('royalty.statements')}</h3>
      <form className="form inline" onSubmit={onIssue} data-testid="issue-statement">
        <label>
          {t('royalty.statementMonth')}
          <input type="month" value={month} max={lastMonth()} required onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="submit" disabled={issue.pending}>
          {t('royalty.issueStatement')}
        </button>
      </form>
      {issue.error && <ErrorMessage error={issue.error} />}
      {reissue.error && <ErrorMessage error={reissue.error} />}
      {error && <ErrorMessage error={error} />}
      <QueryView state={statements} isEmpty={(d) => d.royaltyStatements.length === 0} empty={t('royalty.noStatements')}>
        {(d) => (
          <ul className="list">
            {d.royaltyStatements.map((s) => (
              <li key={s.id} className={s.status === 'SUPERSEDED' ? 'card muted' : 'card'} data-testid="statement">
                <strong>{s.month}</strong>
                {s.version > 1 && ` · ${t('royalty.version', { version: s.version })}`} ·{' '}
                {t(`royalty.status.${s.status}`)} · {t('royalty.royalty')} {money(s.royalty)} · {t('royalty.amountDue')}{' '}
                {money(s.amountDue)}
                <ul className="statement-parts" data-testid="statement-parts">
                  <li>
                    {t('royalty.periodRoyalty')} {money(s.periodRoyalty)}
                  </li>
                  {s.unstatedEarlier.amountMinor !== 0 && (
                    <li>
                      {t('royalty.unstatedEarlier')} {money(s.unstatedEarlier)}
                    </li>
                  )}
                  {s.adjustments.amountMinor !== 0 && (
                    <li>
                      {t('royalty.adjustments')} {money(s.adjustments)}
                    </li>
                  )}
                  {s.previouslyPaid.amountMinor !== 0 && (
                    <li>
                      {t('royalty.previouslyPaid')} {money(s.previouslyPaid)}
                    </li>
                  )}
                </ul>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => download(s.id, s.month, s.version, 'csv')}>
                    {t('royalty.statementCsv')}
                  </button>
                  <button type="button" className="secondary" onClick={() => download(s.id, s.month, s.version, 'pdf')}>
                    {t('royalty.statementPdf')}
                  </button>
                  {s.status === 'ISSUED' && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={reissue.pending}
                      onClick={async () =>
                        (await reissue.run({ studioId: studio.id, month: s.month })) && statements.reload()
                      }
                    >
                      {t('royalty.reissue')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
