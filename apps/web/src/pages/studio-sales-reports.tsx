import { ApproveOrRefuse } from '../components/decision';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const StudioSalesReportQueue = graphql(`
  query StudioSalesReportQueue($studioId: ID!) {
    studioSalesReports(studioId: $studioId, status: SUBMITTED) {
      id
      month
      merchantName
      merchantNameZh
      noSales
      revision
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
      lines {
        lineNo
        productName
        channel
        quantity
        gross {
          amountMinor
          currency
        }
      }
    }
    missingSalesReports(organizationId: $studioId) {
      licenseId
      merchantName
      merchantNameZh
      months
    }
  }
`);

const DecideReport = graphql(`
  mutation DecideReport($id: ID!, $accept: Boolean!, $reason: String) {
    decideSalesReport(input: { id: $id, accept: $accept, reason: $reason }) {
      id
      status
    }
  }
`);

/** Merchants' reports of sales outside the marketplace waiting for the studio, and the months nobody reported. */
export function StudioSalesReportsSection({ studio }: { studio: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const queue = useQuery(StudioSalesReportQueue, { studioId: studio.id });
  const accept = useMutation(DecideReport);
  const dispute = useMutation(DecideReport);
  return (
    <div>
      <h2>{t('salesReport.queue')}</h2>
      {accept.error && <ErrorMessage error={accept.error} />}
      <QueryView state={queue}>
        {(d) => (
          <>
            {d.studioSalesReports.length === 0 ? (
              <p className="muted">{t('salesReport.queueEmpty')}</p>
            ) : (
              <ul className="list">
                {d.studioSalesReports.map((r) => (
                  <li key={r.id} className="card" data-testid="studio-sales-report">
                    <h3>
                      {pick(r.merchantNameZh, r.merchantName)} · {r.month}{' '}
                      <span className="muted">{t('salesReport.revision', { n: r.revision })}</span>
                    </h3>
                    <p>
                      {r.noSales
                        ? t('salesReport.nil')
                        : t('salesReport.totals', {
                            gross: formatMoney(r.totals.gross.amountMinor, r.totals.gross.currency),
                            royalty: formatMoney(r.totals.royalty.amountMinor, r.totals.royalty.currency),
                          })}
                    </p>
                    {r.lines.length > 0 && (
                      <ul className="muted">
                        {r.lines.map((l) => (
                          <li key={l.lineNo}>
                            {l.productName} · {t(`channel.${l.channel}`)} · × {l.quantity} ·{' '}
                            {formatMoney(l.gross.amountMinor, l.gross.currency)}
                          </li>
                        ))}
                      </ul>
                    )}
                    <ApproveOrRefuse
                      approve={{
                        label: t('salesReport.accept'),
                        pending: accept.pending,
                        run: async () => (await accept.run({ id: r.id, accept: true })) && queue.reload(),
                      }}
                      refuse={{
                        label: t('salesReport.dispute'),
                        reasonLabel: t('salesReport.disputeReasonLabel'),
                        confirmLabel: t('salesReport.confirmDispute'),
                        maxLength: 2000,
                        pending: dispute.pending,
                        error: dispute.error,
                        onOpen: dispute.clearError,
                        run: async (reason) => {
                          if (!(await dispute.run({ id: r.id, accept: false, reason }))) return false;
                          queue.reload();
                          return true;
                        },
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('salesReport.missingTitle')}</h2>
            {d.missingSalesReports.length === 0 ? (
              <p className="muted">{t('salesReport.noneMissing')}</p>
            ) : (
              <ul className="list">
                {d.missingSalesReports.map((m) => (
                  <li key={m.licenseId} className="card" data-testid="missing-sales-reports">
                    <strong>{pick(m.merchantNameZh, m.merchantName)}</strong>
                    <p>{t('salesReport.missing', { months: m.months.join('、') })}</p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
