import { useState } from 'react';
import { PeriodForm, yearToDate } from '../components/period-form';
import { QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useQuery } from '../lib/use-query';

const MerchantSales = graphql(`
  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {
    merchantSales(merchantId: $merchantId, from: $from, to: $to) {
      payableBalance { amountMinor currency }
      licenses {
        licenseId studioName lineCount
        gross { amountMinor currency }
        refunded { amountMinor currency }
        royalty { amountMinor currency }
        platformFee { amountMinor currency }
        merchantShare { amountMinor currency }
      }
    }
  }
`);

const LicenseTitles = graphql(`
  query LicenseTitles($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, first: 50) { edges { node { id filmIp { title titleZh } } } }
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
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('sales.title')}>
                <table className="table" data-testid="sales-by-license">
                  <thead>
                    <tr>
                      <th scope="col">{t('sales.license')}</th>
                      <th scope="col">{t('royalty.lines')}</th>
                      <th scope="col">{t('royalty.gross')}</th>
                      <th scope="col">{t('royalty.refunded')}</th>
                      <th scope="col">{t('royalty.royalty')}</th>
                      <th scope="col">{t('sales.platformFee')}</th>
                      <th scope="col">{t('sales.merchantShare')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.merchantSales.licenses.map((l) => (
                      <tr key={l.licenseId}>
                        <td>
                          {titleOf(l.licenseId)} <span className="muted">· {l.studioName}</span>
                        </td>
                        <td>{l.lineCount}</td>
                        <td>{money(l.gross)}</td>
                        <td>{money(l.refunded)}</td>
                        <td>{money(l.royalty)}</td>
                        <td>{money(l.platformFee)}</td>
                        <td>{money(l.merchantShare)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
