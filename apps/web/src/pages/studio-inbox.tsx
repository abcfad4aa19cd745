import { useState } from 'react';
import { ApproveOrRefuse } from '../components/decision';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { LicenseApplicationStatus } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';

const IncomingApplications = graphql(`
  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {
    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {
      edges {
        node {
          id
          status
          pitch
          createdAt
          decisionReason
          merchantId
          merchant {
            name
            nameZh
          }
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

const ApproveApplication = graphql(`
  mutation ApproveApplication($id: ID!) {
    approveLicenseApplication(id: $id) {
      id
      status
    }
  }
`);

const RejectApplication = graphql(`
  mutation RejectApplication($id: ID!, $reason: String!) {
    rejectLicenseApplication(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const INBOX_FILTERS: readonly LicenseApplicationStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

export function StudioInboxSection({ studio }: { studio: Organization }) {
  const { t, pick, formatDate } = useI18n();
  const [status, setStatus] = useState<LicenseApplicationStatus>('PENDING');
  const applications = useQuery(IncomingApplications, { studioId: studio.id, status });
  const approve = useMutation(ApproveApplication);
  const reject = useMutation(RejectApplication);
  return (
    <div>
      <h2>{t('studio.inbox')}</h2>
      <label className="inline">
        {t('application.filter')}
        <select value={status} onChange={(e) => setStatus(e.target.value as LicenseApplicationStatus)}>
          {INBOX_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {approve.error && <ErrorMessage error={approve.error} />}
      <QueryView
        state={applications}
        isEmpty={(d) => d.incomingLicenseApplications.edges.length === 0}
        empty={t('studio.noApplications')}
      >
        {(d) => (
          <ul className="list">
            {d.incomingLicenseApplications.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="application">
                <h3>{pick(node.offer.filmIp.titleZh, node.offer.filmIp.title)}</h3>
                <p>
                  <StatusBadge vocabulary="status" status={node.status} /> {t('offer.royalty')}{' '}
                  {bpsToPercent(node.offer.royaltyBps)} · {formatDate(node.createdAt)}
                </p>
                <blockquote>{node.pitch}</blockquote>
                <p className="muted">
                  {t('application.merchant')} <strong>{pick(node.merchant.nameZh, node.merchant.name)}</strong>
                </p>
                {node.decisionReason && (
                  <p>
                    {t('application.reason')}: {node.decisionReason}
                  </p>
                )}
                {node.status === 'PENDING' && (
                  <ApproveOrRefuse
                    approve={{
                      label: t('application.approve'),
                      pending: approve.pending,
                      run: async () => (await approve.run({ id: node.id })) && applications.reload(),
                    }}
                    refuse={{
                      label: t('application.reject'),
                      reasonLabel: t('application.rejectReason'),
                      confirmLabel: t('application.confirmReject'),
                      maxLength: 1000,
                      pending: reject.pending,
                      error: reject.error,
                      onOpen: reject.clearError,
                      run: async (reason) => {
                        if (!(await reject.run({ id: node.id, reason }))) return false;
                        applications.reload();
                        return true;
                      },
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
