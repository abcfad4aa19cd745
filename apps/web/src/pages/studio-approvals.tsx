import { ApproveOrRefuse } from '../components/decision';
import { DesignRounds } from '../components/design-rounds';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const DesignQueue = graphql(`
  query DesignQueue($studioId: ID!) {
    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {
      edges {
        node {
          id
          name
          nameZh
          category
          descriptionZh
          description
          filmIp {
            title
            titleZh
          }
          merchant {
            name
            nameZh
          }
          variants {
            id
            sku
            price {
              amountMinor
              currency
            }
          }
          approvalRounds {
            id
            round
            status
            note
            comments
            submittedAt
            decidedAt
            artwork {
              id
              url
              thumbnailUrl
            }
          }
        }
      }
    }
  }
`);

const ApproveDesign = graphql(`
  mutation ApproveDesign($productId: ID!) {
    approveProduct(productId: $productId) {
      id
      status
    }
  }
`);

const RequestDesignChanges = graphql(`
  mutation RequestDesignChangesFromStudio($productId: ID!, $comments: String!) {
    requestDesignChanges(productId: $productId, comments: $comments) {
      id
      status
    }
  }
`);

const RejectDesign = graphql(`
  mutation RejectDesign($productId: ID!, $comments: String!) {
    rejectProduct(productId: $productId, comments: $comments) {
      id
      status
    }
  }
`);

export function StudioApprovalsSection({ studio }: { studio: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const queue = useQuery(DesignQueue, { studioId: studio.id });
  const approve = useMutation(ApproveDesign);
  const reject = useMutation(RejectDesign);
  const requestChanges = useMutation(RequestDesignChanges);
  return (
    <div>
      <h2>{t('approvals.title')}</h2>
      {approve.error && <ErrorMessage error={approve.error} />}
      <QueryView state={queue} isEmpty={(d) => d.studioProducts.edges.length === 0} empty={t('approvals.none')}>
        {(d) => (
          <ul className="list">
            {d.studioProducts.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="design">
                <h3>{pick(node.nameZh, node.name)}</h3>
                <p>
                  {t(`category.${node.category}`)} · {pick(node.filmIp.titleZh, node.filmIp.title)} ·{' '}
                  {pick(node.merchant.nameZh, node.merchant.name)}
                </p>
                {(node.descriptionZh || node.description) && (
                  <blockquote>{pick(node.descriptionZh, node.description)}</blockquote>
                )}
                {node.variants.map((v) => (
                  <p key={v.id} className="muted">
                    {v.sku} · {formatMoney(v.price.amountMinor, v.price.currency)}
                  </p>
                ))}
                <DesignRounds rounds={node.approvalRounds ?? []} />
                <ApproveOrRefuse
                  refuse={{
                    label: t('approvals.requestChanges'),
                    reasonLabel: t('approvals.comments'),
                    confirmLabel: t('approvals.confirmChanges'),
                    maxLength: 2000,
                    pending: requestChanges.pending,
                    error: requestChanges.error,
                    onOpen: requestChanges.clearError,
                    run: async (comments) => {
                      if (!(await requestChanges.run({ productId: node.id, comments }))) return false;
                      queue.reload();
                      return true;
                    },
                  }}
                />
                <ApproveOrRefuse
                  approve={{
                    label: t('approvals.approve'),
                    pending: approve.pending,
                    run: async () => (await approve.run({ productId: node.id })) && queue.reload(),
                  }}
                  refuse={{
                    label: t('approvals.reject'),
                    reasonLabel: t('approvals.comments'),
                    confirmLabel: t('approvals.confirmReject'),
                    maxLength: 2000,
                    pending: reject.pending,
                    error: reject.error,
                    onOpen: reject.clearError,
                    run: async (comments) => {
                      if (!(await reject.run({ productId: node.id, comments }))) return false;
                      queue.reload();
                      return true;
                    },
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
