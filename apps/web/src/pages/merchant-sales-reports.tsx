import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { ApiError, downloadWithSession, SheetRowError, UploadError, uploadWithSession } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { isMessageKey } from '../lib/messages';
import { parseMinorUnits } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const SalesReportLicenses = graphql(`
  query SalesReportLicenses($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, first: 50) {
      edges {
        node {
          id
          channels
          startsOn
          endsOn
          filmIp {
            title
            titleZh
          }
        }
      }
    }
    missingSalesReports(organizationId: $merchantId) {
      licenseId
      months
    }
  }
`);

const LicenseSalesReports = graphql(`
  query LicenseSalesReports($merchantId: ID!, $licenseId: ID!) {
    salesReports(licenseId: $licenseId) {
      id
      month
      status
      noSales
      revision
      disputeReason
      totals {
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
    merchantProducts(merchantId: $merchantId, filter: { licenseId: $licenseId }, first: 100) {
      edges {
        node {
          id
          name
          nameZh
          status
        }
      }
    }
  }
`);

const SubmitReport = graphql(`
  mutation SubmitReport($input: SubmitSalesReportInput!) {
    submitSalesReport(input: $input) {
      id
      status
    }
  }
`);

/** Products the studio has approved (and so may be reported). */
const REPORTABLE = new Set(['APPROVED', 'PUBLISHED', 'SUSPENDED']);

interface LineDraft {
  productId: string;
  channel: 'VENUE' | 'RETAIL';
  quantity: string;
  gross: string;
}

/** The wrong lines an error names: an upload's rows, or the form's lines in the GraphQL error's `rows`. */
function rowsOf(error: ApiError | undefined): SheetRowError[] {
  if (!error) return [];
  if (error instanceof UploadError) return error.rows;
  const rows = error.details['rows'];
  return Array.isArray(rows) ? (rows as SheetRowError[]) : [];
}

/**
 * A refused report: each wrong row or line, its field and why in the merchant's language (the server's English
 * only for a reason the page has no words for); without rows, the usual error message.
 */
function ReportError({ error }: { error: ApiError | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  const rows = rowsOf(error);
  if (rows.length === 0) return <ErrorMessage error={error} />;
  const word = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return (
    <div className="state state-error" role="alert">
      <p>{t(`error.${error.code}`)}</p>
      <ul className="errors" data-testid="sheet-row-errors">
        {rows.map((r) => {
          const vars = {
            field: word(`salesReport.field.${r.field}`, r.field),
            message: word(`salesReport.reason.${r.reason ?? ''}`, r.message),
          };
          return (
            <li key={`${r.index}-${r.field}`}>
              {r.row !== undefined
                ? t('salesReport.rowError', { row: r.row, ...vars })
                : t('salesReport.lineError', { line: r.index + 1, ...vars })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * A reload after a report keeps showing what was there: QueryView's spinner would unmount the forms below it, and
 * with them the month chosen and the "submitted" status the merchant is meant to read.
 */
function keepWhileReloading<T extends { data: unknown; loading: boolean }>(state: T): T {
  return state.data === undefined ? state : { ...state, loading: false };
}

function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** The merchant's monthly reports of sales outside the marketplace: form, spreadsheet, and each report's status. */
export function MerchantSalesReportsSection({ merchant }: { merchant: Organization }) {
  const { t, pick } = useI18n();
  const licenses = useQuery(SalesReportLicenses, { merchantId: merchant.id });
  const [licenseId, setLicenseId] = useState('');
  return (
    <div>
      <h2>{t('salesReport.title')}</h2>
      <p className="muted">{t('salesReport.intro')}</p>
      <QueryView
        state={keepWhileReloading(licenses)}
        isEmpty={(d) => d.merchantLicenses.edges.length === 0}
        empty={t('merchant.noLicenses')}
      >
        {(d) => {
          const chosen = licenseId || d.merchantLicenses.edges[0]?.node.id || '';
          const license = d.merchantLicenses.edges.find((e) => e.node.id === chosen)?.node;
          const missing = d.missingSalesReports.find((m) => m.licenseId === chosen)?.months ?? [];
          return (
            <>
              <label>
                {t('salesReport.license')}
                <select value={chosen} onChange={(e) => setLicenseId(e.target.value)}>
                  {d.merchantLicenses.edges.map(({ node }) => (
                    <option key={node.id} value={node.id}>
                      {pick(node.filmIp.titleZh, node.filmIp.title)} · {node.startsOn} – {node.endsOn}
                    </option>
                  ))}
                </select>
              </label>
              <p data-testid="missing-months">
                {missing.length > 0
                  ? t('salesReport.missing', { months: missing.join('、') })
                  : t('salesReport.noneMissing')}
              </p>
              {license && (
                <LicenseReports
                  key={license.id}
                  merchantId={merchant.id}
                  licenseId={license.id}
                  channels={license.channels.filter((c): c is 'VENUE' | 'RETAIL' => c === 'VENUE' || c === 'RETAIL')}
                  defaultMonth={missing[0] ?? lastMonth()}
                  onChange={licenses.reload}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

function LicenseReports(props: {
  merchantId: string;
  licenseId: string;
  channels: ('VENUE' | 'RETAIL')[];
  defaultMonth: string;
  onChange(): void;
}) {
  const { t, pick, formatMoney } = useI18n();
  const reports = useQuery(LicenseSalesReports, { merchantId: props.merchantId, licenseId: props.licenseId });
  const submit = useMutation(SubmitReport);
  const [month, setMonth] = useState(props.defaultMonth);
  const [noSales, setNoSales] = useState(false);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [done, setDone] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<UploadError | ApiError | undefined>();
  const [uploading, setUploading] = useState(false);
  const channel = props.channels[0] ?? 'VENUE';
  const refresh = () => {
    reports.reload();
    props.onChange();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await submit.run({
      input: {
        licenseId: props.licenseId,
        month,
        noSales,
        lines: noSales
          ? []
          : lines.map((l) => ({
              productId: l.productId,
              channel: l.channel,
              quantity: Number(l.quantity),
              gross: { amountMinor: parseMinorUnits(l.gross, 'CNY') ?? -1, currency: 'CNY' },
            })),
      },
    });
    if (result) {
      setDone(true);
      setLines([]);
      refresh();
    }
  };

  const onUpload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setDone(false);
    setUploadError(undefined);
    setUploading(true);
    try {
      await uploadWithSession(`/sales-reports/${props.licenseId}/${month}`, file);
      setDone(true);
      refresh();
    } catch (error) {
      setUploadError(error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)));
    } finally {
      setUploading(false);
    }
  };

  const template = async () => {
    setUploadError(undefined);
    try {
      await downloadWithSession(
        `/sales-reports/template.xlsx?licenseId=${props.licenseId}`,
        'sales-report-template.xlsx',
      );
    } catch (error) {
      setUploadError(error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)));
    }
  };

  return (
    <QueryView state={keepWhileReloading(reports)}>
      {(d) => {
        const products = d.merchantProducts.edges.map((e) => e.node).filter((p) => REPORTABLE.has(p.status));
        return (
          <>
            <form className="form" onSubmit={onSubmit} data-testid="sales-report-form">
              <label>
                {t('salesReport.month')}
                <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
              </label>
              <label className="check">
                <input type="checkbox" checked={noSales} onChange={(e) => setNoSales(e.target.checked)} />
                {t('salesReport.noSales')}
              </label>
              {!noSales &&
                lines.map((line, i) => (
                  <fieldset key={i} className="card">
                    <label>
                      {t('salesReport.product')}
                      <select
                        value={line.productId}
                        required
                        onChange={(e) =>
                          setLines(lines.map((l, j) => (j === i ? { ...l, productId: e.target.value } : l)))
                        }
                      >
                        <option value="" />
                        {products.map((p) => (
                          <option key={p.id} value={p.id}>
                            {pick(p.nameZh, p.name)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('salesReport.channel')}
                      <select
                        value={line.channel}
                        onChange={(e) =>
                          setLines(
                            lines.map((l, j) =>
                              j === i ? { ...l, channel: e.target.value as LineDraft['channel'] } : l,
                            ),
                          )
                        }
                      >
                        {props.channels.map((c) => (
                          <option key={c} value={c}>
                            {t(`channel.${c}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('salesReport.quantity')}
                      <input
                        inputMode="numeric"
                        value={line.quantity}
                        required
                        onChange={(e) =>
                          setLines(lines.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))
                        }
                      />
                    </label>
                    <label>
                      {t('salesReport.gross')}
                      <input
                        inputMode="decimal"
                        value={line.gross}
                        required
                        onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, gross: e.target.value } : l)))}
                      />
                    </label>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setLines(lines.filter((_, j) => j !== i))}
                    >
                      {t('salesReport.removeLine')}
                    </button>
                  </fieldset>
                ))}
              <div className="actions">
                {!noSales && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setLines([...lines, { productId: '', channel, quantity: '1', gross: '' }])}
                  >
                    {t('salesReport.addLine')}
                  </button>
                )}
                <button type="submit" disabled={submit.pending || (!noSales && lines.length === 0)}>
                  {t('salesReport.submit')}
                </button>
              </div>
              <ReportError error={submit.error} />
            </form>
            <form className="form" onSubmit={onUpload} data-testid="sales-report-upload">
              <label>
                {t('salesReport.upload')}
                <input
                  type="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </label>
              <div className="actions">
                <button type="submit" disabled={!file || uploading}>
                  {t('salesReport.uploadButton')}
                </button>
                <button type="button" className="secondary" onClick={template}>
                  {t('salesReport.template')}
                </button>
              </div>
              <ReportError error={uploadError} />
            </form>
            {done && <p role="status">{t('salesReport.submitted')}</p>}
            <h3>{t('salesReport.history')}</h3>
            {d.salesReports.length === 0 ? (
              <p className="muted">{t('salesReport.none')}</p>
            ) : (
              <ul className="list">
                {d.salesReports.map((r) => (
                  <li key={r.id} className="card" data-testid="sales-report">
                    <h4>
                      {r.month}{' '}
                      <span className={`badge badge-${r.status.toLowerCase()}`}>
                        {t(`salesReport.status.${r.status}`)}
                      </span>{' '}
                      <span className="muted">{t('salesReport.revision', { n: r.revision })}</span>
                    </h4>
                    <p>
                      {r.noSales
                        ? t('salesReport.nil')
                        : t('salesReport.totals', {
                            gross: formatMoney(r.totals.gross.amountMinor, r.totals.gross.currency),
                            royalty: formatMoney(r.totals.royalty.amountMinor, r.totals.royalty.currency),
                          })}
                    </p>
                    {r.disputeReason && <p>{t('salesReport.disputeReason', { reason: r.disputeReason })}</p>}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
