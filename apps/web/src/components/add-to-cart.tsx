import { FormEvent, useState } from 'react';
import { cart } from '../lib/cart';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { variantLabels } from '../lib/variant-label';

interface Money {
  amountMinor: number;
  currency: string;
}

interface Props {
  product: {
    id: string;
    kind: 'MERCHANDISE' | 'EXPERIENCE';
    name: string;
    nameZh?: string | null;
    purchaseLimit?: number | null;
    merchant?: { id: string };
    variants: { id: string; sku: string; available: number; price: Money }[];
    ticketTypes: { id: string; name: string; nameZh?: string | null; price: Money }[];
    upcomingTimeSlots: { id: string; startsAt: string; remaining: number; status: string }[];
  };
  formatSlot(iso: string): string;
}

/** Chooses a variant, or a date and ticket type, and a quantity, and puts them in the cart. */
export function AddToCart({ product, formatSlot }: Props) {
  const { t, pick, formatMoney } = useI18n();
  const labels = new Map(variantLabels(product.variants).map((label, i) => [product.variants[i]!.id, label]));
  const variants = product.variants.filter((v) => v.available > 0);
  const slots = product.upcomingTimeSlots.filter((s) => s.status === 'OPEN' && s.remaining > 0);
  const [variantId, setVariantId] = useState(variants[0]?.id ?? '');
  const [slotId, setSlotId] = useState(slots[0]?.id ?? '');
  const [ticketTypeId, setTicketTypeId] = useState(product.ticketTypes[0]?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const isExperience = product.kind === 'EXPERIENCE';
  const max = Math.min(
    product.purchaseLimit ?? 99,
    isExperience
      ? (slots.find((s) => s.id === slotId)?.remaining ?? 0)
      : (variants.find((v) => v.id === variantId)?.available ?? 0),
  );
  if (isExperience ? slots.length === 0 || product.ticketTypes.length === 0 : variants.length === 0) {
    return <p className="state state-empty">{t('product.soldOut')}</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = pick(product.nameZh, product.name);
    if (isExperience) {
      const ticket = product.ticketTypes.find((x) => x.id === ticketTypeId)!;
      const slot = slots.find((s) => s.id === slotId)!;
      cart.add({
        productId: product.id,
        productName: name,
        optionLabel: `${formatSlot(slot.startsAt)} · ${pick(ticket.nameZh, ticket.name)}`,
        unitPrice: ticket.price,
        quantity,
        timeSlotId: slot.id,
        ticketTypeId: ticket.id,
      });
    } else {
      const variant = variants.find((v) => v.id === variantId)!;
      cart.add({
        productId: product.id,
        productName: name,
        optionLabel: labels.get(variant.id) ?? '',
        unitPrice: variant.price,
        quantity,
        variantId: variant.id,
        merchantId: product.merchant?.id,
      });
    }
    setAdded(true);
  };
  return (
    <form className="form card buy" onSubmit={submit} aria-label={t('cart.add')}>
      {isExperience ? (
        <>
          <label>
            {t('cart.date')}
            <select value={slotId} onChange={(e) => setSlotId(e.target.value)}>
              {slots.map((s) => (
                <option key={s.id} value={s.id}>
                  {formatSlot(s.startsAt)} · {t('product.seatsLeft', { count: s.remaining })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cart.ticketType')}
            <select value={ticketTypeId} onChange={(e) => setTicketTypeId(e.target.value)}>
              {product.ticketTypes.map((x) => (
                <option key={x.id} value={x.id}>
                  {pick(x.nameZh, x.name)} · {formatMoney(x.price.amountMinor, x.price.currency)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : product.variants.length === 1 ? null : (
        <label>
          {t('cart.option')}
          <select value={variantId} onChange={(e) => setVariantId(e.target.value)}>
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {labels.get(v.id)} · {formatMoney(v.price.amountMinor, v.price.currency)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('cart.quantity')}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, max)}
          value={quantity}
          onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))}
        />
      </label>
      <button type="submit" disabled={max < 1}>
        {t('cart.add')}
      </button>
      {added && (
        <p className="success" role="status">
          {t('cart.added')} <Link to="/cart">{t('cart.view')}</Link>
        </p>
      )}
    </form>
  );
}
