import { ApproveOrRefuse } from '../components/decision';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { orderNumber } from '../lib/order-number';

const RefundQueue = graphql(`
  query RefundQueue($merchantId: ID!) {
    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {
      id
      orderId
      productName
      quantity
      reason
      createdAt
      amount {
        amountMinor
        currency
      }
    }
  }
`);

const DecideRefund = graphql(`
  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {
    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) {
      id
      status
    }
  }
`);

/** Buyers' refund requests waiting for the merchant: approve (refunded at once) or refuse with a reason the buyer reads. */
export function MerchantRefundsSection({ merchant }: { merchant: Organization }) {
  const { t, formatMoney, formatDate } = useI18n();
  const queue = useQuery(RefundQueue, { merchantId: merchant.id });
  const approve = useMutation(DecideRefund);
  const refuse = useMutation(DecideRefund);
  return (
    <div>
      <h2>{t('refunds.title')}</h2>
      {approve.error && <ErrorMessage error={approve.error} />}
      <QueryView state={queue} isEmpty={(d) => d.merchantRefundRequests.length === 0} empty={t('refunds.none')}>
        {(d) => (
          <ul className="list">
            {d.merchantRefundRequests.map((r) => (
              <li key={r.id} className="card" data-testid="refund-request">
                <h3>
                  {r.productName} × {r.quantity} · {formatMoney(r.amount.amountMinor, r.amount.currency)}
                </h3>
                <p className="muted">
                  {t('order.number')} {orderNumber(r.orderId)} · {formatDate(r.createdAt)}
                </p>
                <p>{t('refunds.reason', { reason: r.reason })}</p>
                <ApproveOrRefuse
                  approve={{
                    label: t('refunds.approve'),
                    pending: approve.pending,
                    run: async () => (await approve.run({ id: r.id, approve: true })) && queue.reload(),
                  }}
                  refuse={{
                    label: t('refunds.refuse'),
                    reasonLabel: t('refunds.refuseReason'),
                    confirmLabel: t('refunds.confirmRefuse'),
                    maxLength: 1000,
                    pending: refuse.pending,
                    error: refuse.error,
                    onOpen: refuse.clearError,
                    run: async (reason) => {
                      if (!(await refuse.run({ id: r.id, approve: false, reason }))) return false;
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
