import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { FormEvent, useState } from 'react';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { ErrorMessage } from './states';

const loaded = new Map<string, Promise<Stripe | null>>();

/** Stripe.js is fetched from js.stripe.com once per publishable key, and only on a page that takes a payment. */
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = loaded.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    loaded.set(publishableKey, stripe);
  }
  return stripe;
}

function PayForm({ orderId, onSubmitted }: { orderId: string; onSubmitted(): void }) {
  const { t } = useI18n();
  const stripe = useStripe();
  const elements = useElements();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(undefined);
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: `${window.location.origin}/orders/${encodeURIComponent(orderId)}` },
      redirect: 'if_required',
    });
    setPending(false);
    // The order turns PAID when the webhook arrives, not here: the page waits for it.
    if (result.error) setError(new ApiError('PAYMENT_FAILED', result.error.message ?? result.error.type));
    else onSubmitted();
  };
  return (
    <form className="form" onSubmit={submit}>
      <PaymentElement />
      {error && <ErrorMessage error={error} />}
      <button type="submit" disabled={!stripe || pending}>
        {t('order.pay')}
      </button>
    </form>
  );
}

/** Stripe's Payment Element for an order's PaymentIntent (lazy-loaded: only buyers paying by Stripe need it). */
export default function StripePayment(props: {
  publishableKey: string;
  clientSecret: string;
  orderId: string;
  onSubmitted(): void;
}) {
  const { lang } = useI18n();
  return (
    <Elements
      stripe={stripeFor(props.publishableKey)}
      options={{ clientSecret: props.clientSecret, locale: lang === 'zh' ? 'zh' : 'en' }}
    >
      <PayForm orderId={props.orderId} onSubmitted={props.onSubmitted} />
    </Elements>
  );
}
