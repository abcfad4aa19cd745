import { FormEvent, useState } from 'react';
import { cart } from '../lib/cart';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { variantLabels } from '../lib/variant-label';

interface Money {
  amountMinor: number;
  currency: string;
}

interface VariantOption {
  name: string;
  nameZh?: string | null;
  value: string;
  valueZh?: string | null;
}

interface Variant {
  id: string;
  sku: string;
  available: number;
  price: Money;
  options?: VariantOption[];
}

/** A variant's choice in the visitor's language (尺码 M · 颜色 黑), or its SKU when the product has no options. */
export function variantName(v: Variant, pick: (zh?: string | null, en?: string | null) => string): string {
  const options = v.options ?? [];
  return options.length > 0 ? options.map((o) => pick(o.valueZh, o.value)).join(' · ') : v.sku;
}

interface Props {
  product: {
    id: string;
    kind: 'MERCHANDISE' | 'EXPERIENCE';
    name: string;
    nameZh?: string | null;
    purchaseLimit?: number | null;
    merchant?: { id: string };
    variants: Variant[];
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
  // Options: one choice per option (尺码, 颜色) instead of a list of SKUs; the first variant names them for all.
  const optionNames = product.variants[0]?.options ?? [];
  const hasOptions = optionNames.length > 0;
  const [chosen, setChosen] = useState<string[]>(() => (variants[0]?.options ?? []).map((o) => o.value));
  const byOptions = hasOptions
    ? product.variants.find((v) => (v.options ?? []).every((o, i) => o.value === chosen[i]))
    : undefined;
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
      : hasOptions
        ? (byOptions?.available ?? 0)
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
      const variant = hasOptions ? byOptions : variants.find((v) => v.id === variantId);
      if (!variant) return;
      cart.add({
        productId: product.id,
        productName: name,
        optionLabel: hasOptions ? variantName(variant, pick) : (labels.get(variant.id) ?? ''),
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
      ) : hasOptions ? (
        <>
          {optionNames.map((option, i) => {
            const values = [
              ...new Map(product.variants.map((v) => [v.options?.[i]?.value ?? '', v.options?.[i]] as const)).values(),
            ].filter((o): o is VariantOption => !!o);
            return (
              <label key={option.name}>
                {pick(option.nameZh, option.name)}
                <select
                  value={chosen[i] ?? ''}
                  onChange={(e) => setChosen((c) => c.map((x, j) => (j === i ? e.target.value : x)))}
                >
                  {values.map((o) => (
                    <option key={o.value} value={o.value}>
                      {pick(o.valueZh, o.value)}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
          <p className="muted" role="status" data-testid="chosen-variant">
            {byOptions
              ? `${formatMoney(byOptions.price.amountMinor, byOptions.price.currency)} · ${
                  byOptions.available > 0
                    ? t('product.available', { count: byOptions.available })
                    : t('product.soldOut')
                }`
              : t('product.soldOut')}
          </p>
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
