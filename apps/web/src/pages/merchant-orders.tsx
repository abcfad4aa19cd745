import { useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { MerchandiseFulfilment, OrderStatus } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const MerchantOrders = graphql(`
  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {
    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {
      totalCount
      edges {
        node {
          id status createdAt paidAt
          total { amountMinor currency }
          lines {
            id kind productName quantity slotStartsAt fulfilment fulfilledAt
            total { amountMinor currency }
            refunded { amountMinor currency }
          }
          tickets { code orderLineId redeemedAt }
        }
      }
    }
  }
`);

const FulfilOrderLine = graphql(`
  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {
    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) { id status }
  }
`);

const RefundOrderLine = graphql(`
  mutation RefundOrderLineFromConsole($orderLineId: ID!) {
    refundOrderLine(orderLineId: $orderLineId) { id status }
  }
`);

/** Orders whose lines may still be refunded. */
const REFUNDABLE: OrderStatus[] = ['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'];

const STATUSES: OrderStatus[] = ['PAID', 'FULFILLED', 'PENDING_PAYMENT', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED'];
const FULFILLABLE: OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED'];

/** The merchant's orders (its own lines only): merchandise lines are marked shipped or picked up here. */
export function MerchantOrdersSection({ merchant }: { merchant: Organization }) {
  const { t, formatMoney, formatDate } = useI18n();
  const [status, setStatus] = useState<OrderStatus | ''>('PAID');
  const orders = useQuery(MerchantOrders, { merchantId: merchant.id, status: status || null });
  const fulfil = useMutation(FulfilOrderLine);
  const refund = useMutation(RefundOrderLine);
  const refundLine = async (orderLineId: string, left: string) => {
    if (!window.confirm(t('orders.confirmRefund', { amount: left }))) return;
    if (await refund.run({ orderLineId })) orders.reload();
  };
  const mark = async (orderLineId: string, fulfilment: MerchandiseFulfilment) => {
    if (await fulfil.run({ orderLineId, fulfilment })) orders.reload();
  };
  return (
    <div>
      <h2>{t('orders.title')}</h2>
      <label className="inline">
        {t('orders.show')}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
          <option value="">{t('orders.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`orderStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {fulfil.error && <ErrorMessage error={fulfil.error} />}
      {refund.error && <ErrorMessage error={refund.error} />}
      <QueryView state={orders} isEmpty={(d) => d.merchantOrders.edges.length === 0} empty={t('orders.none')}>
        {(d) => (
          <ul className="list">
            {d.merchantOrders.edges.map(({ node: order }) => (
              <li key={order.id} className="card" data-testid="merchant-order">
                <h3>
                  {t('order.number')} {order.id.slice(0, 8)}{' '}
                  <StatusBadge vocabulary="orderStatus" status={order.status} />
                </h3>
                <p className="muted">
                  {formatDate(order.createdAt)} · {formatMoney(order.total.amountMinor, order.total.currency)}
                </p>
                <ul className="lines">
                  {order.lines.map((line) => {
                    const tickets = order.tickets.filter((x) => x.orderLineId === line.id);
                    const redeemed = tickets.filter((x) => x.redeemedAt).length;
                    return (
                      <li key={line.id}>
                        <strong>{line.productName}</strong> × {line.quantity} · {formatMoney(line.total.amountMinor, line.total.currency)}
                        {line.refunded.amountMinor > 0 && ` · ${t('order.refunded', { amount: formatMoney(line.refunded.amountMinor, line.refunded.currency) })}`}
                        {line.kind === 'EXPERIENCE' && tickets.length > 0 && ` · ${t('orders.ticketsRedeemed', { redeemed, count: tickets.length })}`}
                        {line.kind === 'MERCHANDISE' && line.fulfilledAt && (
                          <span className="success"> · {t(line.fulfilment === 'SHIPPED' ? 'fulfilment.SHIPPED' : 'fulfilment.PICKED_UP')}</span>
                        )}
                        {line.kind === 'MERCHANDISE' && !line.fulfilledAt && FULFILLABLE.includes(order.status) && (
                          <span className="actions">
                            <button type="button" className="secondary" disabled={fulfil.pending} onClick={() => mark(line.id, 'SHIPPED')}>
                              {t('orders.markShipped')}
                            </button>
                            <button type="button" className="secondary" disabled={fulfil.pending} onClick={() => mark(line.id, 'PICKED_UP')}>
                              {t('orders.markPickedUp')}
                            </button>
                          </span>
                        )}
                        {REFUNDABLE.includes(order.status) && line.refunded.amountMinor < line.total.amountMinor && (
                          <span className="actions">
                            <button
                              type="button"
                              className="secondary"
                              data-testid="refund-line"
                              disabled={refund.pending}
                              onClick={() => refundLine(line.id, formatMoney(line.total.amountMinor - line.refunded.amountMinor, line.total.currency))}
                            >
                              {t('orders.refundLine')}
                            </button>
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
