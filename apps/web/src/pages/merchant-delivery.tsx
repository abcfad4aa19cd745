import { FormEvent, useEffect, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import type { DeliveryOptionsOfMerchantQuery } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { DEFAULT_CURRENCY, minorDigits, moneyInput } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

const DeliveryOptionsOfMerchant = graphql(`
  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {
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
      pickupAddress
    }
  }
`);

const SetDeliveryOptions = graphql(`
  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {
    setDeliveryOptions(input: $input) {
      merchantId
      pickup
      ship
    }
  }
`);

type Options = DeliveryOptionsOfMerchantQuery['deliveryOptions'][number];

/** Yuan as typed in the form, from minor units. */
function asText(money: { amountMinor: number; currency: string } | null | undefined): string {
  if (!money) return '';
  return (money.amountMinor / 10 ** minorDigits(money.currency)).toFixed(minorDigits(money.currency));
}

function OptionsForm({ merchant, current }: { merchant: Organization; current: Options }) {
  const { t } = useI18n();
  const save = useMutation(SetDeliveryOptions);
  const [pickup, setPickup] = useState(current.pickup);
  const [ship, setShip] = useState(current.ship);
  const [fee, setFee] = useState(asText(current.shippingFee) || '0');
  const [freeFrom, setFreeFrom] = useState(asText(current.freeShippingFrom));
  const [pickupAddress, setPickupAddress] = useState(current.pickupAddress ?? '');
  const [saved, setSaved] = useState(false);
  const [badAmount, setBadAmount] = useState(false);
  useEffect(() => setSaved(false), [pickup, ship, fee, freeFrom, pickupAddress]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const currency = current.shippingFee?.currency ?? DEFAULT_CURRENCY;
    const shippingFee = ship ? moneyInput(fee, currency) : null;
    const freeShippingFrom = ship && freeFrom.trim() ? moneyInput(freeFrom, currency) : null;
    if ((ship && !shippingFee) || (ship && freeFrom.trim() && !freeShippingFrom)) {
      setBadAmount(true);
      return;
    }
    setBadAmount(false);
    const input = {
      merchantId: merchant.id,
      pickup,
      ship,
      shippingFee,
      freeShippingFrom,
      pickupAddress: pickupAddress.trim() || null,
    };
    if (await save.run({ input })) {
      setSaved(true);
    }
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="delivery-options">
      <h2>{t('deliveryOptions.title')}</h2>
      <label className="inline">
        <input type="checkbox" name="pickup" checked={pickup} onChange={(e) => setPickup(e.target.checked)} />{' '}
        {t('deliveryOptions.pickup')}
      </label>
      {pickup && (
        <label>
          {t('deliveryOptions.pickupAddress')}
          <input
            name="pickupAddress"
            value={pickupAddress}
            onChange={(e) => setPickupAddress(e.target.value)}
            maxLength={200}
            autoComplete="street-address"
          />
        </label>
      )}
      <label className="inline">
        <input type="checkbox" name="ship" checked={ship} onChange={(e) => setShip(e.target.checked)} />{' '}
        {t('deliveryOptions.ship')}
      </label>
      {ship && (
        <>
          <label>
            {t('deliveryOptions.fee')}
            <input
              name="shippingFee"
              inputMode="decimal"
              value={fee}
              onChange={(e) => setFee(e.target.value)}
              required
            />
          </label>
          <label>
            {t('deliveryOptions.freeFrom')}
            <input
              name="freeShippingFrom"
              inputMode="decimal"
              value={freeFrom}
              onChange={(e) => setFreeFrom(e.target.value)}
            />
          </label>
        </>
      )}
      {badAmount && <p className="state state-error">{t('deliveryOptions.badAmount')}</p>}
      {save.error && <ErrorMessage error={save.error} />}
      {saved && (
        <p className="success" role="status">
          {t('deliveryOptions.saved')}
        </p>
      )}
      <button type="submit" disabled={save.pending}>
        {t('deliveryOptions.save')}
      </button>
    </form>
  );
}

/** The merchant's delivery options: pickup at its own address (the default) and/or shipping for a flat fee. */
export function MerchantDeliverySection({ merchant }: { merchant: Organization }) {
  const options = useQuery(DeliveryOptionsOfMerchant, { merchantIds: [merchant.id] });
  return (
    <QueryView state={options}>{(d) => <OptionsForm merchant={merchant} current={d.deliveryOptions[0]!} />}</QueryView>
  );
}
