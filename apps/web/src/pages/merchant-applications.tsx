import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';

const MerchantApplications = graphql(`
  query MerchantApplications($merchantId: ID!) {
    merchantLicenseApplications(merchantId: $merchantId, first: 50) {
      edges {
        node {
          id
          status
          pitch
          createdAt
          decisionReason
          offer {
            id
            royaltyBps
            filmIp {
              title
              titleZh
            }
          }
        }
      }
    }
  }
`);

const WithdrawApplication = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawLicenseApplication(id: $id) {
      id
      status
    }
  }
`);

export function MerchantApplicationsSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatDate } = useI18n();
  const applications = useQuery(MerchantApplications, { merchantId: merchant.id });
  const withdraw = useMutation(WithdrawApplication);
  return (
    <div>
      <h2>{t('merchant.myApplications')}</h2>
      {withdraw.error && <ErrorMessage error={withdraw.error} />}
      <QueryView
        state={applications}
        isEmpty={(d) => d.merchantLicenseApplications.edges.length === 0}
        empty={t('merchant.noApplications')}
      >
        {(d) => (
          <ul className="list">
            {d.merchantLicenseApplications.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="application">
                <h3>{pick(node.offer.filmIp.titleZh, node.offer.filmIp.title)}</h3>
                <p>
                  <StatusBadge vocabulary="status" status={node.status} /> {bpsToPercent(node.offer.royaltyBps)} ·{' '}
                  {formatDate(node.createdAt)}
                </p>
                <blockquote>{node.pitch}</blockquote>
                {node.decisionReason && (
                  <p>
                    {t('application.reason')}: {node.decisionReason}
                  </p>
                )}
                {node.status === 'PENDING' && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={withdraw.pending}
                    onClick={async () => (await withdraw.run({ id: node.id })) && applications.reload()}
                  >
                    {t('application.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
