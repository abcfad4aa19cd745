import { renderSVG } from 'uqr';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useMutation, useQuery } from '../lib/use-query';

const OrderDetail = graphql(`
  query OrderDetail($id: ID!) {
    order(id: $id) {
      id status createdAt expiresAt paidAt
      total { amountMinor currency }
      lines {
        id kind productId productName quantity slotStartsAt
        unitPrice { amountMinor currency }
        total { amountMinor currency }
        refunded { amountMinor currency }
      }
      tickets { code qrPayload redeemedAt orderLineId }
    }
  }
`);

const DevConfirmPayment = graphql(`
  mutation DevConfirm($orderId: ID!) {
    devConfirmPayment(orderId: $orderId) { id status }
  }
`);

const CancelOrder = graphql(`
  mutation CancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId) { id status }
  }
`);

export function OrderPage({ id }: { id: string }) {
  const { t, formatMoney, lang } = useI18n();
  const order = useQuery(OrderDetail, { id });
  const confirm = useMutation(DevConfirmPayment);
  const cancel = useMutation(CancelOrder);
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <QueryView state={order}>
      {({ order: o }) => (
        <section className="order">
          <h1>{t('order.title')}</h1>
          <p>
            <span className={`badge badge-${o.status.toLowerCase()}`} data-testid="order-status">
              {t(`orderStatus.${o.status}`)}
            </span>{' '}
            <span className="muted">
              {t('order.number')} {o.id.slice(0, 8)}
            </span>
          </p>
          <ul className="list">
            {o.lines.map((line) => (
              <li key={line.id} className="card">
                <h3>
                  <Link to={`/products/${line.productId}`}>{line.productName}</Link>
                </h3>
                <p className="muted">
                  {line.quantity} × {formatMoney(line.unitPrice.amountMinor, line.unitPrice.currency)}
                  {line.slotStartsAt && ` · ${time.format(new Date(line.slotStartsAt))}`}
                </p>
                <p className="price">{formatMoney(line.total.amountMinor, line.total.currency)}</p>
              </li>
            ))}
          </ul>
          <p className="total">
            {t('cart.total')} <strong>{formatMoney(o.total.amountMinor, o.total.currency)}</strong>
          </p>
          {o.status === 'PENDING_PAYMENT' && (
            <div className="card">
              <p>{t('order.payBefore', { time: time.format(new Date(o.expiresAt)) })}</p>
              {(confirm.error ?? cancel.error) && <ErrorMessage error={(confirm.error ?? cancel.error)!} />}
              <div className="actions">
                <button type="button" disabled={confirm.pending} onClick={async () => (await confirm.run({ orderId: o.id })) && order.reload()}>
                  {t('order.devConfirm')}
                </button>
                <button type="button" className="secondary" disabled={cancel.pending} onClick={async () => (await cancel.run({ orderId: o.id })) && order.reload()}>
                  {t('order.cancel')}
                </button>
              </div>
              <p className="muted">{t('order.devNote')}</p>
            </div>
          )}
          {o.tickets.length > 0 && (
            <section aria-labelledby="tickets">
              <h2 id="tickets">{t('order.tickets')}</h2>
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
                    <p className={ticket.redeemedAt ? 'muted' : 'success'}>
                      {ticket.redeemedAt ? t('order.redeemed', { time: time.format(new Date(ticket.redeemedAt)) }) : t('order.valid')}
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
