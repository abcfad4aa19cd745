import { FormEvent, useEffect, useState } from 'react';
import { renderSVG } from 'uqr';
import { OrderPayment } from '../components/order-payment';
import { ReviewForm } from '../components/reviews';
import { ErrorMessage, NotFound, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import { request } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { forgetPayment } from '../lib/payment-session';
import { Link, useLocation } from '../lib/router';
import { useMutation, useQuery } from '../lib/use-query';
import { orderNumber } from '../lib/order-number';
import { isUuid } from '../lib/ids';
import { ConfirmButton } from '../components/confirm-dialog';

const OrderDetail = graphql(`
  query OrderDetail($id: ID!) {
    order(id: $id) {
      id
      status
      createdAt
      expiresAt
      paidAt
      refundDue
      total {
        amountMinor
        currency
      }
      lines {
        id
        kind
        productId
        productName
        productNameZh
        quantity
        slotStartsAt
        fulfilment
        fulfilledAt
        unitPrice {
          amountMinor
          currency
        }
        total {
          amountMinor
          currency
        }
        refunded {
          amountMinor
          currency
        }
        review {
          id
          rating
        }
        shipment {
          carrier
          trackingNumber
          shippedAt
        }
      }
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
          currency
        }
        feeRefunded {
          amountMinor
          currency
        }
        merchants {
          merchantId
          merchantName
          feeRefunded {
            amountMinor
            currency
          }
          pickupCode
          pickupAddress
          handedOverAt
        }
      }
      tickets {
        code
        qrPayload
        redeemedAt
        voidedAt
        orderLineId
        productName
        productNameZh
        ticketTypeName
        ticketTypeNameZh
        startsAt
        endsAt
        venue {
          name
          nameZh
          address
          addressZh
          mapUrl
        }
      }
      refundRequests {
        id
        orderLineId
        quantity
        reason
        status
        automatic
        decisionReason
        amount {
          amountMinor
          currency
        }
      }
    }
  }
`);

const RequestRefund = graphql(`
  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {
    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) {
      id
      status
    }
  }
`);

const OrderCalendar = graphql(`
  query OrderCalendar($orderId: ID!) {
    orderCalendar(orderId: $orderId)
  }
`);

/** Orders whose lines the buyer may ask to refund. */
const REFUNDABLE = ['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'];
const OPEN_REQUEST = ['REQUESTED', 'APPROVED'];

/** The calendar file is fetched with the session's token, then handed to the browser as a download. */
async function downloadCalendar(orderId: string): Promise<void> {
  const { orderCalendar } = await request(OrderCalendar, { orderId });
  const url = URL.createObjectURL(new Blob([orderCalendar], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `chedun-${orderId.slice(0, 8)}.ics`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** The buyer's refund request for one line: how many units (all that is left by default) and why. */
function RefundRequestForm({ lineId, quantity, onSent }: { lineId: string; quantity: number; onSent(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [units, setUnits] = useState(quantity);
  const send = useMutation(RequestRefund);
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="secondary" data-testid="request-refund" onClick={() => setOpen(true)}>
          {t('order.requestRefund')}
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send.run({ orderLineId: lineId, quantity: units === quantity ? null : units, reason })) {
      setOpen(false);
      onSent();
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      {quantity > 1 && (
        <label>
          {t('order.refundQuantity')}
          <input
            type="number"
            min={1}
            max={quantity}
            value={units}
            onChange={(e) => setUnits(Math.max(1, Math.min(quantity, Number(e.target.value) || 1)))}
          />
        </label>
      )}
      <label>
        {t('order.refundReason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} maxLength={1000} />
      </label>
      {send.error && <ErrorMessage error={send.error} />}
      <div className="actions">
        <button type="submit" disabled={send.pending}>
          {t('order.sendRefundRequest')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

const CancelOrder = graphql(`
  mutation CancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId) {
      id
      status
    }
  }
`);

const POLL_MS = 2_000;
const POLL_LIMIT = 30;

export function OrderPage({ id }: { id: string }) {
  const { t, formatMoney, lang, pick } = useI18n();
  const [calendarError, setCalendarError] = useState(false);
  const { search } = useLocation();
  const order = useQuery(OrderDetail, { id }, { skip: !isUuid(id) });
  const cancel = useMutation(CancelOrder);
  // Stripe confirms in the browser, but the order is PAID only once the webhook lands: wait for it here.
  const [awaiting, setAwaiting] = useState(search.get('redirect_status') === 'succeeded');
  const status = order.data?.order.status;
  useEffect(() => {
    if (status && status !== 'PENDING_PAYMENT') forgetPayment(id);
  }, [id, status]);
  useEffect(() => {
    if (!awaiting) return;
    let polls = 0;
    const timer = setInterval(() => {
      polls += 1;
      request(OrderDetail, { id }).then(
        (latest) => {
          if (latest.order.status !== 'PENDING_PAYMENT' || polls >= POLL_LIMIT) {
            setAwaiting(false);
            order.reload();
          }
        },
        () => polls >= POLL_LIMIT && setAwaiting(false),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [awaiting, id, order.reload]);
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  const endTime = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  if (!isUuid(id)) return <NotFound />;
  return (
    <QueryView state={order}>
      {({ order: o }) => (
        <section className="order">
          <h1>{t('order.title')}</h1>
          <p>
            <StatusBadge vocabulary="orderStatus" status={o.status} data-testid="order-status" />{' '}
            <span className="muted">
              {t('order.number')} {orderNumber(o.id)}
            </span>
          </p>
          {o.refundDue && <p className="state state-error">{t('order.refundDue')}</p>}
          <ul className="list">
            {o.lines.map((line) => (
              <li key={line.id} className="card">
                <h2 className="h3">
                  <Link to={`/products/${line.productId}`}>{pick(line.productNameZh, line.productName)}</Link>
                </h2>
                <p className="muted">
                  {line.quantity} × {formatMoney(line.unitPrice.amountMinor, line.unitPrice.currency)}
                  {line.slotStartsAt && ` · ${time.format(new Date(line.slotStartsAt))}`}
                  {line.fulfilment &&
                    line.fulfilledAt &&
                    ` · ${t(line.fulfilment === 'SHIPPED' ? 'fulfilment.SHIPPED' : 'fulfilment.PICKED_UP')} ${time.format(new Date(line.fulfilledAt))}`}
                </p>
                <p className="price">{formatMoney(line.total.amountMinor, line.total.currency)}</p>
                {line.refunded.amountMinor > 0 && (
                  <p className="muted">
                    {t('order.refunded', { amount: formatMoney(line.refunded.amountMinor, line.refunded.currency) })}
                  </p>
                )}
                {line.shipment && (
                  <p className="success" data-testid="tracking">
                    {t('order.tracking', { carrier: line.shipment.carrier, number: line.shipment.trackingNumber })}
                  </p>
                )}
                {o.refundRequests
                  .filter((r) => r.orderLineId === line.id)
                  .map((r) => (
                    <div key={r.id} className="refund-request" data-testid="refund-request">
                      <p>
                        {t('order.refundRequest', {
                          quantity: r.quantity,
                          product: pick(line.productNameZh, line.productName),
                          amount: formatMoney(r.amount.amountMinor, r.amount.currency),
                        })}{' '}
                        <StatusBadge vocabulary="refundStatus" status={r.status} />
                      </p>
                      {r.automatic && <p className="muted">{t('order.refundAutomatic')}</p>}
                      {r.status === 'REFUSED' && r.decisionReason && (
                        <p>{t('order.merchantSays', { reason: r.decisionReason })}</p>
                      )}
                    </div>
                  ))}
                {line.review ? (
                  <p className="muted" data-testid="reviewed">
                    {t('review.yours', { rating: line.review.rating })}
                  </p>
                ) : (
                  (line.fulfilledAt || o.tickets.some((tk) => tk.orderLineId === line.id && tk.redeemedAt)) && (
                    <ReviewForm lineId={line.id} onSent={order.reload} />
                  )
                )}
                {REFUNDABLE.includes(o.status) &&
                  line.refunded.amountMinor < line.total.amountMinor &&
                  !o.refundRequests.some((r) => r.orderLineId === line.id && OPEN_REQUEST.includes(r.status)) && (
                    <RefundRequestForm
                      lineId={line.id}
                      quantity={Math.ceil(
                        (line.total.amountMinor - line.refunded.amountMinor) / line.unitPrice.amountMinor,
                      )}
                      onSent={order.reload}
                    />
                  )}
              </li>
            ))}
          </ul>
          {o.delivery && (
            <section className="card delivery" aria-labelledby="delivery" data-testid="order-delivery">
              <h2 id="delivery" className="h3">
                {t('order.delivery')} · {t(o.delivery.method === 'SHIP' ? 'delivery.ship' : 'delivery.pickup')}
              </h2>
              {o.delivery.address && (
                <address>
                  {o.delivery.address.recipient} {o.delivery.address.phone}
                  <br />
                  {o.delivery.address.province} {o.delivery.address.city} {o.delivery.address.district}{' '}
                  {o.delivery.address.street} {o.delivery.address.postalCode}
                </address>
              )}
              {o.delivery.fee.amountMinor > 0 && (
                <p className="muted">
                  {t('delivery.fee')} {formatMoney(o.delivery.fee.amountMinor, o.delivery.fee.currency)}
                </p>
              )}
              {o.delivery.merchants
                .filter((m) => m.feeRefunded.amountMinor > 0)
                .map((m) => (
                  <p key={m.merchantId} className="muted" data-testid="shipping-refunded">
                    {t('order.shippingRefunded', {
                      merchant: m.merchantName,
                      fee: formatMoney(m.feeRefunded.amountMinor, m.feeRefunded.currency),
                    })}
                  </p>
                ))}
              {o.delivery.method === 'PICKUP' &&
                o.delivery.merchants.map((m) => (
                  <div key={m.merchantId} className="pickup" data-testid="pickup">
                    <p>{t('order.pickupAt', { merchant: m.merchantName })}</p>
                    {m.pickupAddress && <address data-testid="pickup-address">{m.pickupAddress}</address>}
                    {m.handedOverAt ? (
                      <p className="muted">{t('order.pickedUp', { time: time.format(new Date(m.handedOverAt)) })}</p>
                    ) : (
                      m.pickupCode && (
                        <>
                          <div
                            className="qr"
                            role="img"
                            aria-label={t('order.pickupQr', { code: m.pickupCode })}
                            dangerouslySetInnerHTML={{ __html: renderSVG(m.pickupCode) }}
                          />
                          <p>
                            {t('order.pickupCode')}{' '}
                            <strong className="code" data-testid="pickup-code">
                              {m.pickupCode}
                            </strong>
                          </p>
                          <p className="muted">{t('order.pickupHint')}</p>
                        </>
                      )
                    )}
                  </div>
                ))}
            </section>
          )}
          <p className="total">
            {t('cart.total')} <strong>{formatMoney(o.total.amountMinor, o.total.currency)}</strong>
          </p>
          {o.status === 'PENDING_PAYMENT' && (
            <div className="card">
              <p>{t('order.payBefore', { time: time.format(new Date(o.expiresAt)) })}</p>
              {awaiting ? (
                <p className="state state-loading" role="status">
                  <span className="spinner" aria-hidden="true" /> {t('order.awaitingPayment')}
                </p>
              ) : (
                <OrderPayment orderId={o.id} onPaid={order.reload} onSubmitted={() => setAwaiting(true)} />
              )}
              {cancel.error && <ErrorMessage error={cancel.error} />}
              <div className="actions">
                <ConfirmButton
                  label={t('order.cancel')}
                  title={t('order.cancelConfirm.title')}
                  question={t('order.cancelConfirm.question')}
                  confirmLabel={t('order.cancelConfirm.confirm')}
                  keepLabel={t('order.cancelConfirm.keep')}
                  pending={cancel.pending}
                  onConfirm={async () => (await cancel.run({ orderId: o.id })) && order.reload()}
                />
              </div>
            </div>
          )}
          {o.tickets.length > 0 && (
            <section aria-labelledby="tickets">
              <h2 id="tickets">{t('order.tickets')}</h2>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  data-testid="add-to-calendar"
                  onClick={() =>
                    downloadCalendar(o.id).then(
                      () => setCalendarError(false),
                      () => setCalendarError(true),
                    )
                  }
                >
                  {t('order.addToCalendar')}
                </button>
              </div>
              {calendarError && <p className="state state-error">{t('error.INTERNAL')}</p>}
              <ul className="list cards">
                {o.tickets.map((ticket) => (
                  <li key={ticket.code} className="card ticket" data-testid="ticket">
                    <div
                      className="qr"
                      role="img"
                      aria-label={t('order.qrFor', { code: ticket.code })}
                      dangerouslySetInnerHTML={{ __html: renderSVG(ticket.qrPayload) }}
                    />
                    <p className="code">{ticket.code}</p>
                    <h3 className="h3">{pick(ticket.productNameZh, ticket.productName)}</h3>
                    <p>
                      {pick(ticket.ticketTypeNameZh, ticket.ticketTypeName)} · {time.format(new Date(ticket.startsAt))}–
                      {endTime.format(new Date(ticket.endsAt))}
                    </p>
                    {ticket.venue && (
                      <p className="muted">
                        {pick(ticket.venue.nameZh, ticket.venue.name)}
                        {(ticket.venue.addressZh || ticket.venue.address) &&
                          ` · ${pick(ticket.venue.addressZh, ticket.venue.address)}`}{' '}
                        ·{' '}
                        <a href={ticket.venue.mapUrl} target="_blank" rel="noopener noreferrer">
                          {t('order.map')}
                        </a>
                      </p>
                    )}
                    <p
                      className={ticket.redeemedAt || ticket.voidedAt ? 'muted' : 'success'}
                      data-testid="ticket-state"
                    >
                      {ticket.voidedAt
                        ? t('order.ticketVoid')
                        : ticket.redeemedAt
                          ? t('order.redeemed', { time: time.format(new Date(ticket.redeemedAt)) })
                          : t('order.valid')}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}
    </QueryView>
  );
}
