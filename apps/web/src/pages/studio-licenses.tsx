import { ApproveOrRefuse } from '../components/decision';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';

const StudioLicenses = graphql(`
  query StudioLicenses($studioId: ID!) {
    studioLicenses(studioId: $studioId, first: 50) {
      edges {
        node {
          id
          status
          statusReason
          royaltyBps
          startsOn
          endsOn
          merchantId
          merchant {
            name
            nameZh
          }
          categories
          filmIp {
            title
            titleZh
          }
        }
      }
    }
  }
`);

const SuspendLicense = graphql(`
  mutation SuspendLicense($id: ID!, $reason: String!) {
    suspendLicense(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const ResumeLicense = graphql(`
  mutation ResumeLicense($id: ID!) {
    resumeLicense(id: $id) {
      id
      status
    }
  }
`);

export function StudioLicensesSection({ studio }: { studio: Organization }) {
  const { t, pick } = useI18n();
  const licenses = useQuery(StudioLicenses, { studioId: studio.id });
  const suspend = useMutation(SuspendLicense);
  const resume = useMutation(ResumeLicense);
  return (
    <div>
      <h2>{t('studio.licenses')}</h2>
      {resume.error && <ErrorMessage error={resume.error} />}
      <QueryView state={licenses} isEmpty={(d) => d.studioLicenses.edges.length === 0} empty={t('studio.noLicenses')}>
        {(d) => (
          <ul className="list">
            {d.studioLicenses.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="license">
                <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                <p>
                  <StatusBadge vocabulary="status" status={node.status} /> {bpsToPercent(node.royaltyBps)} ·{' '}
                  {node.startsOn} – {node.endsOn}
                </p>
                <p className="muted">
                  {t('application.merchant')} <strong>{pick(node.merchant.nameZh, node.merchant.name)}</strong>
                  {node.statusReason && ` · ${node.statusReason}`}
                </p>
                {node.status === 'ACTIVE' && (
                  <ApproveOrRefuse
                    refuse={{
                      label: t('license.suspend'),
                      reasonLabel: t('license.suspendReason'),
                      confirmLabel: t('license.confirmSuspend'),
                      maxLength: 1000,
                      pending: suspend.pending,
                      error: suspend.error,
                      onOpen: suspend.clearError,
                      run: async (reason) => {
                        if (!(await suspend.run({ id: node.id, reason }))) return false;
                        licenses.reload();
                        return true;
                      },
                    }}
                  />
                )}
                {node.status === 'SUSPENDED' && (
                  <button
                    type="button"
                    disabled={resume.pending}
                    onClick={async () => (await resume.run({ id: node.id })) && licenses.reload()}
                  >
                    {t('license.resume')}
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
