import { BrandAssets } from '../components/brand-assets';
import { LazyDetails } from '../components/lazy-details';
import { QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';

const MerchantLicenses = graphql(`
  query MerchantLicenses($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, first: 50) {
      edges {
        node {
          id
          status
          statusReason
          royaltyBps
          categories
          channels
          territory
          startsOn
          endsOn
          filmIp {
            id
            title
            titleZh
          }
        }
      }
    }
  }
`);

export function MerchantLicensesSection({ merchant }: { merchant: Organization }) {
  const { t, pick } = useI18n();
  const licenses = useQuery(MerchantLicenses, { merchantId: merchant.id });
  return (
    <div>
      <h2>{t('merchant.myLicenses')}</h2>
      <QueryView
        state={licenses}
        isEmpty={(d) => d.merchantLicenses.edges.length === 0}
        empty={t('merchant.noLicenses')}
      >
        {(d) => (
          <ul className="list">
            {d.merchantLicenses.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="license">
                <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                <p>
                  <StatusBadge vocabulary="status" status={node.status} /> {bpsToPercent(node.royaltyBps)} ·{' '}
                  {node.territory} · {node.startsOn} – {node.endsOn}
                </p>
                <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
                <p className="muted">
                  {t('offer.channels')}: {node.channels.map((c) => t(`channel.${c}`)).join(' · ')}
                </p>
                {node.statusReason && <p>{node.statusReason}</p>}
                {node.status === 'ACTIVE' && (
                  <LazyDetails summary={t('brand.title')}>
                    {() => <BrandAssets filmIpId={node.filmIp.id} />}
                  </LazyDetails>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
