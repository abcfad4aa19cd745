import { useCallback, useRef, useState } from 'react';
import { DeliveryChoice, DeliveryChoiceValue } from '../components/delivery-choice';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import { cart, useCart } from '../lib/cart';
import { useI18n } from '../lib/i18n';
import { currencyOf } from '../lib/money';
import { rememberPayment } from '../lib/payment-session';
import { Link, navigate } from '../lib/router';
import { useMe } from '../lib/use-me';
import { useMutation } from '../lib/use-query';

/** Random enough for an idempotency key; crypto.randomUUID needs https, which a phone on the LAN may not have. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const Checkout = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      order {
        id
        status
      }
      payment {
        provider
        clientSecret
      }
    }
  }
`);

export function CartPage() {
  const { t, formatMoney } = useI18n();
  const items = useCart();
  const me = useMe();
  const checkout = useMutation(Checkout);
  // One key per attempt: a double click or a retry after a lost answer returns the same order.
  const idempotencyKey = useRef(newKey());
  const currency = currencyOf(items.map((i) => i.unitPrice));
  const goods = items
    .filter((i) => i.variantId)
    .map((i) => ({ merchantId: i.merchantId, amountMinor: i.unitPrice.amountMinor * i.quantity }));
  const [delivery, setDelivery] = useState<DeliveryChoiceValue>({ input: null, feeMinor: 0 });
  const onDelivery = useCallback((value: DeliveryChoiceValue) => setDelivery(value), []);
  const total =
    items.reduce((sum, i) => sum + i.unitPrice.amountMinor * i.quantity, 0) +
    (goods.length > 0 ? delivery.feeMinor : 0);
  const pay = async () => {
    const result = await checkout.run({
      input: {
        idempotencyKey: idempotencyKey.current,
        lines: items.map((i) => ({
          quantity: i.quantity,
          variantId: i.variantId ?? null,
          timeSlotId: i.timeSlotId ?? null,
          ticketTypeId: i.ticketTypeId ?? null,
        })),
        delivery: goods.length > 0 ? delivery.input : null,
      },
    });
    if (!result) return;
    rememberPayment(result.checkout.order.id, result.checkout.payment);
    cart.clear();
    idempotencyKey.current = newKey();
    navigate(`/orders/${result.checkout.order.id}`);
  };
  // The line an error names, as this cart shows it (the lines were sent in this order).
  const lineName = (index: unknown) => {
    const item = typeof index === 'number' ? items[index] : undefined;
    return item && (item.optionLabel ? `${item.productName} · ${item.optionLabel}` : item.productName);
  };
  if (items.length === 0) {
    return (
      <section>
        <h1>{t('cart.title')}</h1>
        <p className="state state-empty">
          {t('cart.empty')} <Link to="/search">{t('nav.search')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('cart.title')}</h1>
      <ul className="list">
        {items.map((item) => (
          <li key={item.key} className="card cart-line" data-testid="cart-line">
            <div>
              <h2 className="h3">
                <Link to={`/products/${item.productId}`}>{item.productName}</Link>
              </h2>
              <p className="muted">{item.optionLabel}</p>
            </div>
            <label className="qty">
              {t('cart.quantity')}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                value={item.quantity}
                onChange={(e) => cart.setQuantity(item.key, Number(e.target.value) || 0)}
              />
            </label>
            <p className="price">{formatMoney(item.unitPrice.amountMinor * item.quantity, item.unitPrice.currency)}</p>
            <button type="button" className="link" onClick={() => cart.setQuantity(item.key, 0)}>
              {t('cart.remove')}
            </button>
          </li>
        ))}
      </ul>
      {goods.length > 0 && me.signedIn && <DeliveryChoice goods={goods} onChange={onDelivery} />}
      {goods.length > 0 && delivery.feeMinor > 0 && (
        <p className="muted" data-testid="shipping-fee">
          {t('delivery.fee')} {formatMoney(delivery.feeMinor, currency)}
        </p>
      )}
      <p className="total">
        {t('cart.total')} <strong data-testid="cart-total">{formatMoney(total, currency)}</strong>
      </p>
      {checkout.error && <ErrorMessage error={checkout.error} item={lineName(checkout.error.details['lineIndex'])} />}
      {me.signedIn ? (
        <button type="button" onClick={pay} disabled={checkout.pending || (goods.length > 0 && !delivery.input)}>
          {t('cart.checkout')}
        </button>
      ) : (
        <Link className="button" to="/login?next=/cart">
          {t('cart.loginToCheckout')}
        </Link>
      )}
    </section>
  );
}
