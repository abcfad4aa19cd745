import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { SubmitOrScan } from '../components/submit-or-scan';
import { graphql } from '../gql';
import type {
  MerchandiseFulfilment,
  MerchantOrderDeliveriesQuery,
  MerchantOrdersQuery,
  OrderStatus,
} from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { orderNumber } from '../lib/order-number';

const MerchantOrders = graphql(`
  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {
    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {
      totalCount
      edges {
        node {
          id
          status
          createdAt
          paidAt
          total {
            amountMinor
            currency
          }
          lines {
            id
            kind
            productName
            productNameZh
            quantity
            slotStartsAt
            fulfilment
            fulfilledAt
            total {
              amountMinor
              currency
            }
            refunded {
              amountMinor
              currency
            }
          }
          tickets {
            code
            orderLineId
            redeemedAt
          }
        }
      }
    }
  }
`);

/** The same orders' delivery and shipments: a query of its own keeps each within the API's cost limit. */
const MerchantOrderDeliveries = graphql(`
  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {
    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {
      edges {
        node {
          id
          delivery {
            method
            address {
              recipient
              phone
              province
              city
              district
              street
              postalCode
            }
            fee {
              amountMinor
            }
          }
          lines {
            id
            shipment {
              carrier
              trackingNumber
            }
          }
        }
      }
    }
  }
`);

const FulfilOrderLine = graphql(`
  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {
    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) {
      id
      status
    }
  }
`);

const ShipLines = graphql(`
  mutation ShipLines($input: ShipOrderLinesInput!) {
    shipOrderLines(input: $input) {
      id
      status
    }
  }
`);

const HandOverPickup = graphql(`
  mutation HandOverPickup($code: String!) {
    handOverPickup(code: $code) {
      id
      status
      lines {
        productName
        productNameZh
        quantity
      }
    }
  }
`);

type Listed = MerchantOrdersQuery['merchantOrders']['edges'][number]['node'];
type Delivered = MerchantOrderDeliveriesQuery['merchantOrders']['edges'][number]['node'];
/** An order of the list with its delivery and each line's shipment, from the second query. */
type MerchantOrder = Omit<Listed, 'lines'> & {
  delivery: Delivered['delivery'] | null;
  lines: (Listed['lines'][number] & { shipment: Delivered['lines'][number]['shipment'] | null })[];
};

const RefundOrderLine = graphql(`
  mutation RefundOrderLineFromConsole($orderLineId: ID!) {
    refundOrderLine(orderLineId: $orderLineId) {
      id
      status
    }
  }
`);

/** Orders whose lines may still be refunded. */
const REFUNDABLE: OrderStatus[] = ['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'];

const STATUSES: OrderStatus[] = ['PAID', 'FULFILLED', 'PENDING_PAYMENT', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED'];
const FULFILLABLE: OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED'];

/** Staff hand a paid pickup over against the buyer's code, typed or scanned like a ticket. */
function PickupHandOver({ onHandedOver }: { onHandedOver(): void }) {
  const { t } = useI18n();
  const handOver = useMutation(HandOverPickup);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const send = async (value: string) => {
    const result = await handOver.run({ code: value.trim() });
    if (result) {
      setDone(orderNumber(result.handOverPickup.id));
      setCode('');
      onHandedOver();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(code);
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="pickup-title">
      <h3 id="pickup-title">{t('orders.handOver.title')}</h3>
      <label>
        {t('orders.handOver.code')}
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          maxLength={100}
          autoComplete="off"
          autoCapitalize="characters"
        />
      </label>
      {handOver.error && <ErrorMessage error={handOver.error} />}
      {done && (
        <p className="success" role="status">
          {t('orders.handOver.done', { number: done })}
        </p>
      )}
      <SubmitOrScan
        label={t('orders.handOver.submit')}
        pending={handOver.pending}
        onCode={(value) => void send(value)}
      />
    </form>
  );
}

/** The lines of one order for this merchant, with the address, to print and put in the parcel. */
function PackingSlip({ order, merchant }: { order: MerchantOrder; merchant: Organization }) {
  const { t, pick, formatDate } = useI18n();
  const address = order.delivery?.address;
  return (
    <div className="packing-slip print-target" data-testid="packing-slip">
      <h3>
        {t('orders.packingSlip')} · {pick(merchant.nameZh, merchant.name)}
      </h3>
      <p>
        {t('order.number')} {orderNumber(order.id)} · {formatDate(order.createdAt)}
      </p>
      {address && (
        <address>
          {address.recipient} {address.phone}
          <br />
          {address.province} {address.city} {address.district} {address.street} {address.postalCode}
        </address>
      )}
      <table>
        <tbody>
          {order.lines
            .filter((l) => l.kind === 'MERCHANDISE')
            .map((l) => (
              <tr key={l.id}>
                <td>{pick(l.productNameZh, l.productName)}</td>
                <td>× {l.quantity}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <button type="button" className="secondary no-print" onClick={() => window.print()}>
        {t('orders.print')}
      </button>
    </div>
  );
}

/** Carrier and tracking number for the chosen unshipped lines of a shipping order. */
function ShipForm({ order, onShipped }: { order: MerchantOrder; onShipped(): void }) {
  const { t, pick } = useI18n();
  const ship = useMutation(ShipLines);
  const open = order.lines.filter(
    (l) => l.kind === 'MERCHANDISE' && !l.fulfilledAt && l.refunded.amountMinor < l.total.amountMinor,
  );
  const [chosen, setChosen] = useState<string[]>(open.map((l) => l.id));
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  if (open.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await ship.run({
        input: { orderId: order.id, lineIds: chosen, carrier: carrier.trim(), trackingNumber: trackingNumber.trim() },
      })
    )
      onShipped();
  };
  return (
    <form className="form ship-form" onSubmit={submit} data-testid="ship-form">
      {open.map((l) => (
        <label key={l.id} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(l.id)}
            onChange={(e) => setChosen(e.target.checked ? [...chosen, l.id] : chosen.filter((id) => id !== l.id))}
          />{' '}
          {t('orders.shipLine', { name: `${pick(l.productNameZh, l.productName)} × ${l.quantity}` })}
        </label>
      ))}
      <label>
        {t('orders.carrier')}
        <input name="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} required maxLength={50} />
      </label>
      <label>
        {t('orders.trackingNumber')}
        <input
          name="trackingNumber"
          value={trackingNumber}
          onChange={(e) => setTrackingNumber(e.target.value)}
          required
          pattern="[A-Za-z0-9\-]{4,40}"
          autoCapitalize="characters"
        />
      </label>
      {ship.error && <ErrorMessage error={ship.error} />}
      <button type="submit" disabled={ship.pending || chosen.length === 0}>
        {t('orders.ship')}
      </button>
    </form>
  );
}

/** The merchant's orders (its own lines only): shipping with tracking, packing slips, pickups handed over by code. */
export function MerchantOrdersSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney, formatDate } = useI18n();
  const [status, setStatus] = useState<OrderStatus | ''>('PAID');
  const [slip, setSlip] = useState<string | null>(null);
  const orders = useQuery(MerchantOrders, { merchantId: merchant.id, status: status || null });
  const deliveries = useQuery(MerchantOrderDeliveries, { merchantId: merchant.id, status: status || null });
  const fulfil = useMutation(FulfilOrderLine);
  const withDelivery = (order: Listed): MerchantOrder => {
    const found = deliveries.data?.merchantOrders.edges.find((e) => e.node.id === order.id)?.node;
    return {
      ...order,
      delivery: found?.delivery ?? null,
      lines: order.lines.map((l) => ({ ...l, shipment: found?.lines.find((x) => x.id === l.id)?.shipment ?? null })),
    };
  };
  const reload = () => {
    orders.reload();
    deliveries.reload();
  };
  const refund = useMutation(RefundOrderLine);
  const refundLine = async (orderLineId: string, left: string) => {
    if (!window.confirm(t('orders.confirmRefund', { amount: left }))) return;
    if (await refund.run({ orderLineId })) reload();
  };
  const mark = async (orderLineId: string, fulfilment: MerchandiseFulfilment) => {
    if (await fulfil.run({ orderLineId, fulfilment })) reload();
  };
  return (
    <div>
      <h2>{t('orders.title')}</h2>
      <PickupHandOver onHandedOver={reload} />
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
            {d.merchantOrders.edges
              .map(({ node }) => withDelivery(node))
              .map((order) => (
                <li key={order.id} className="card" data-testid="merchant-order">
                  <h3>
                    {t('order.number')} {orderNumber(order.id)}{' '}
                    <StatusBadge vocabulary="orderStatus" status={order.status} />
                  </h3>
                  <p className="muted">
                    {formatDate(order.createdAt)} · {formatMoney(order.total.amountMinor, order.total.currency)}
                    {order.delivery &&
                      order.delivery.fee.amountMinor > 0 &&
                      ` · ${t('orders.shippingFee', { fee: formatMoney(order.delivery.fee.amountMinor, order.total.currency) })}`}
                  </p>
                  {order.delivery?.method === 'PICKUP' && <p>{t('orders.pickup')}</p>}
                  {order.delivery?.address && (
                    <p data-testid="ship-to">
                      {t('orders.address')}: {order.delivery.address.recipient} {order.delivery.address.phone} ·{' '}
                      {order.delivery.address.province} {order.delivery.address.city} {order.delivery.address.district}{' '}
                      {order.delivery.address.street} {order.delivery.address.postalCode}
                    </p>
                  )}
                  <ul className="lines">
                    {order.lines.map((line) => {
                      const tickets = order.tickets.filter((x) => x.orderLineId === line.id);
                      const redeemed = tickets.filter((x) => x.redeemedAt).length;
                      return (
                        <li key={line.id}>
                          <strong>{pick(line.productNameZh, line.productName)}</strong> × {line.quantity} ·{' '}
                          {formatMoney(line.total.amountMinor, line.total.currency)}
                          {line.refunded.amountMinor > 0 &&
                            ` · ${t('order.refunded', { amount: formatMoney(line.refunded.amountMinor, line.refunded.currency) })}`}
                          {line.kind === 'EXPERIENCE' &&
                            tickets.length > 0 &&
                            ` · ${t('orders.ticketsRedeemed', { redeemed, count: tickets.length })}`}
                          {line.kind === 'MERCHANDISE' && line.fulfilledAt && (
                            <span className="success">
                              {' '}
                              · {t(line.fulfilment === 'SHIPPED' ? 'fulfilment.SHIPPED' : 'fulfilment.PICKED_UP')}
                            </span>
                          )}
                          {line.shipment &&
                            ` · ${t('order.tracking', { carrier: line.shipment.carrier, number: line.shipment.trackingNumber })}`}
                          {/* A shipping order ships through the form below, with tracking; the rest may still be marked by hand. */}
                          {order.delivery?.method !== 'SHIP' &&
                            line.kind === 'MERCHANDISE' &&
                            !line.fulfilledAt &&
                            FULFILLABLE.includes(order.status) && (
                              <span className="actions">
                                <button
                                  type="button"
                                  className="secondary"
                                  disabled={fulfil.pending}
                                  onClick={() => mark(line.id, 'SHIPPED')}
                                >
                                  {t('orders.markShipped')}
                                </button>
                                <button
                                  type="button"
                                  className="secondary"
                                  disabled={fulfil.pending}
                                  onClick={() => mark(line.id, 'PICKED_UP')}
                                >
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
                                onClick={() =>
                                  refundLine(
                                    line.id,
                                    formatMoney(
                                      line.total.amountMinor - line.refunded.amountMinor,
                                      line.total.currency,
                                    ),
                                  )
                                }
                              >
                                {t('orders.refundLine')}
                              </button>
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  {order.delivery?.method === 'SHIP' && FULFILLABLE.includes(order.status) && (
                    <ShipForm order={order} onShipped={reload} />
                  )}
                  {order.lines.some((l) => l.kind === 'MERCHANDISE') && (
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setSlip(slip === order.id ? null : order.id)}
                      >
                        {t('orders.packingSlip')}
                      </button>
                    </div>
                  )}
                  {slip === order.id && <PackingSlip order={order} merchant={merchant} />}
                </li>
              ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
