import { useState } from 'react';
import { DataTable } from '../components/data-table';
import { PeriodForm, yearToDate } from '../components/period-form';
import { QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useQuery } from '../lib/use-query';

const MerchantSales = graphql(`
  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {
    merchantSales(merchantId: $merchantId, from: $from, to: $to) {
      payableBalance {
        amountMinor
        currency
      }
      licenses {
        licenseId
        studioName
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
        platformFee {
          amountMinor
          currency
        }
        merchantShare {
          amountMinor
          currency
        }
      }
    }
  }
`);

const LicenseTitles = graphql(`
  query LicenseTitles($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, first: 50) {
      edges {
        node {
          id
          filmIp {
            title
            titleZh
          }
        }
      }
    }
  }
`);

/** What each license sold in a period and how every line split between studio, platform and merchant. */
export function MerchantSalesSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const [period, setPeriod] = useState(yearToDate);
  const sales = useQuery(MerchantSales, { merchantId: merchant.id, ...period });
  const licenses = useQuery(LicenseTitles, { merchantId: merchant.id });
  const titleOf = (licenseId: string) => {
    const ip = licenses.data?.merchantLicenses.edges.find((e) => e.node.id === licenseId)?.node.filmIp;
    return ip ? pick(ip.titleZh, ip.title) : licenseId.slice(0, 8);
  };
  const money = (m: { amountMinor: number; currency: string }) => formatMoney(m.amountMinor, m.currency);
  return (
    <div>
      <h2>{t('sales.title')}</h2>
      <PeriodForm period={period} onApply={setPeriod} />
      <QueryView state={sales}>
        {(d) => (
          <>
            <p className="total">
              {t('sales.payable')} <strong data-testid="payable">{money(d.merchantSales.payableBalance)}</strong>
            </p>
            {d.merchantSales.licenses.length === 0 ? (
              <p className="state state-empty">{t('royalty.noSales')}</p>
            ) : (
              <DataTable
                scrollLabel={t('sales.title')}
                data-testid="sales-by-license"
                columns={[
                  {
                    header: t('sales.license'),
                    cell: (l) => (
                      <>
                        {titleOf(l.licenseId)} <span className="muted">· {l.studioName}</span>
                      </>
                    ),
                  },
                  { header: t('royalty.lines'), cell: (l) => l.lineCount },
                  { header: t('royalty.gross'), cell: (l) => money(l.gross) },
                  { header: t('royalty.refunded'), cell: (l) => money(l.refunded) },
                  { header: t('royalty.royalty'), cell: (l) => money(l.royalty) },
                  { header: t('sales.platformFee'), cell: (l) => money(l.platformFee) },
                  { header: t('sales.merchantShare'), cell: (l) => money(l.merchantShare) },
                ]}
                rows={d.merchantSales.licenses}
                rowKey={(l) => l.licenseId}
              />
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
