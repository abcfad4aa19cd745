import { useEffect, useMemo, useState } from 'react';
import { graphql } from '../gql';
import type { AddressInput, DeliveryInput, DeliveryMethod } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/use-query';

const DeliveryOptionsOf = graphql(`
  query DeliveryOptionsOf($merchantIds: [ID!]!) {
    deliveryOptions(merchantIds: $merchantIds) {
      merchantId
      pickup
      ship
      shippingFee {
        amountMinor
        currency
      }
      freeShippingFrom {
        amountMinor
        currency
      }
    }
  }
`);

const MyAddresses = graphql(`
  query MyAddresses {
    myAddresses {
      id
      recipient
      phone
      province
      city
      district
      street
      postalCode
    }
  }
`);

/** The same check as the API's: a mainland mobile number, +86 and separators allowed. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const EMPTY: AddressInput = {
  recipient: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  street: '',
  postalCode: '',
};
const PARTS = ['recipient', 'phone', 'province', 'city', 'district', 'street', 'postalCode'] as const;

export interface DeliveryChoiceValue {
  /** What checkout sends; null while the address is incomplete. */
  input: DeliveryInput | null;
  /** The shipping fees the merchants' options give for these goods (the order's total is the server's). */
  feeMinor: number;
}

/** Which parts of an address are missing or malformed, named as the form names them. */
export function addressProblems(a: AddressInput): (typeof PARTS)[number][] {
  const missing = PARTS.filter((p) => p !== 'postalCode' && !String(a[p] ?? '').trim());
  if (a.phone.trim() && !MOBILE.test(a.phone.replace(/[\s-]/g, ''))) missing.push('phone');
  if (a.postalCode && !/^\d{6}$/.test(a.postalCode.trim())) missing.push('postalCode');
  return missing;
}

/**
 * Checkout's delivery step for the cart's merchandise: pickup at each merchant (the default) or shipping, offered only
 * when every merchant ships; an address from the address book or typed anew, checked as the API checks it.
 */
export function DeliveryChoice({
  goods,
  onChange,
}: {
  goods: { merchantId?: string; amountMinor: number }[];
  onChange(value: DeliveryChoiceValue): void;
}) {
  const { t, formatMoney } = useI18n();
  const merchantIds = useMemo(
    () => [...new Set(goods.map((g) => g.merchantId).filter((id): id is string => Boolean(id)))],
    [goods],
  );
  const options = useQuery(DeliveryOptionsOf, { merchantIds }, { skip: merchantIds.length === 0 });
  const book = useQuery(MyAddresses);
  const [method, setMethod] = useState<DeliveryMethod>('PICKUP');
  const [address, setAddress] = useState<AddressInput>(EMPTY);
  const [touched, setTouched] = useState(false);
  const offers = options.data?.deliveryOptions ?? [];
  const canShip = offers.length > 0 && offers.every((o) => o.ship);
  const canPickup = offers.length === 0 || offers.every((o) => o.pickup);
  const feeMinor =
    method === 'SHIP'
      ? offers.reduce((sum, o) => {
          const subtotal = goods.filter((g) => g.merchantId === o.merchantId).reduce((s, g) => s + g.amountMinor, 0);
          const free = o.freeShippingFrom && subtotal >= o.freeShippingFrom.amountMinor;
          return sum + (free ? 0 : (o.shippingFee?.amountMinor ?? 0));
        }, 0)
      : 0;
  const problems = addressProblems(address);
  useEffect(() => {
    if (!canPickup && canShip && method === 'PICKUP') setMethod('SHIP');
  }, [canPickup, canShip, method]);
  useEffect(() => {
    const first = book.data?.myAddresses[0];
    if (first && address === EMPTY) setAddress({ ...first, postalCode: first.postalCode ?? '' });
  }, [book.data, address]);
  useEffect(() => {
    const input: DeliveryInput | null =
      method === 'PICKUP'
        ? { method }
        : addressProblems(address).length === 0
          ? { method, address: { ...address, postalCode: address.postalCode?.trim() || null } }
          : null;
    onChange({ input, feeMinor });
  }, [method, address, feeMinor, onChange]);
  const currency = offers[0]?.shippingFee?.currency ?? 'CNY';
  return (
    <fieldset className="card delivery" data-testid="delivery-choice">
      <legend>{t('delivery.title')}</legend>
      <label className="inline">
        <input
          type="radio"
          name="delivery"
          value="PICKUP"
          checked={method === 'PICKUP'}
          disabled={!canPickup}
          onChange={() => setMethod('PICKUP')}
        />{' '}
        {t('delivery.pickup')}
      </label>
      <label className="inline">
        <input
          type="radio"
          name="delivery"
          value="SHIP"
          checked={method === 'SHIP'}
          disabled={!canShip}
          onChange={() => setMethod('SHIP')}
        />{' '}
        {t('delivery.ship')}
        {canShip &&
          ` · ${
            feeMinor === 0 && method === 'SHIP'
              ? t('delivery.free')
              : t('delivery.feeFrom', {
                  fee: formatMoney(
                    offers.reduce((s, o) => s + (o.shippingFee?.amountMinor ?? 0), 0),
                    currency,
                  ),
                })
          }`}
      </label>
      {!canShip && offers.length > 0 && <p className="muted">{t('delivery.noShipping')}</p>}
      {method === 'SHIP' && (
        <div className="form address">
          {(book.data?.myAddresses.length ?? 0) > 0 && (
            <label>
              {t('delivery.addressBook')}
              <select
                onChange={(e) => {
                  const saved = book.data!.myAddresses.find((a) => a.id === e.target.value);
                  setAddress(saved ? { ...saved, postalCode: saved.postalCode ?? '' } : EMPTY);
                }}
              >
                {book.data!.myAddresses.map((a) => (
                  <option key={a.id!} value={a.id!}>
                    {a.recipient} · {a.province}
                    {a.city}
                    {a.district}
                    {a.street}
                  </option>
                ))}
                <option value="">{t('delivery.newAddress')}</option>
              </select>
            </label>
          )}
          {PARTS.map((part) => (
            <label key={part}>
              {t(`delivery.${part}`)}
              <input
                name={part}
                value={address[part] ?? ''}
                inputMode={part === 'phone' ? 'tel' : part === 'postalCode' ? 'numeric' : undefined}
                autoComplete={
                  {
                    recipient: 'name',
                    phone: 'tel',
                    province: 'address-level1',
                    city: 'address-level2',
                    district: 'address-level3',
                    street: 'street-address',
                    postalCode: 'postal-code',
                  }[part]
                }
                aria-invalid={touched && problems.includes(part)}
                onBlur={() => setTouched(true)}
                onChange={(e) => setAddress({ ...address, [part]: e.target.value })}
              />
              {touched && problems.includes(part) && (
                <span className="field-error">{t(`delivery.invalid.${part}`)}</span>
              )}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
