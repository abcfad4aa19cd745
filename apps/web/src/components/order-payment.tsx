import { lazy, Suspense } from 'react';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { recallPayment } from '../lib/payment-session';
import { useMutation, useQuery } from '../lib/use-query';
import { ErrorMessage, Loading } from './states';

const StripePayment = lazy(() => import('./stripe-payment'));

const PaymentSettings = graphql(`
  query PaymentSettings {
    paymentSettings {
      provider
      stripePublishableKey
    }
  }
`);

const DevConfirmPayment = graphql(`
  mutation DevConfirm($orderId: ID!) {
    devConfirmPayment(orderId: $orderId) {
      id
      status
    }
  }
`);

/**
 * Pays an unpaid order: Stripe's Payment Element when the API runs Stripe with a publishable key, otherwise the
 * development gateway's confirm button (which goes through the same webhook path as a real payment).
 */
export function OrderPayment({
  orderId,
  onPaid,
  onSubmitted,
}: {
  orderId: string;
  onPaid(): void;
  onSubmitted(): void;
}) {
  const { t } = useI18n();
  const settings = useQuery(PaymentSettings);
  const confirm = useMutation(DevConfirmPayment);
  if (settings.error) return <ErrorMessage error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <Loading />;
  const { provider, stripePublishableKey } = settings.data.paymentSettings;
  if (provider === 'development') {
    return (
      <>
        {confirm.error && <ErrorMessage error={confirm.error} />}
        <button
          type="button"
          disabled={confirm.pending}
          onClick={async () => (await confirm.run({ orderId })) && onPaid()}
        >
          {t('order.devConfirm')}
        </button>
        <p className="muted">{t('order.devNote')}</p>
      </>
    );
  }
  const session = recallPayment(orderId);
  if (!stripePublishableKey || !session || session.provider !== provider) {
    return <p className="state state-empty">{t('order.payElsewhere')}</p>;
  }
  return (
    <Suspense fallback={<Loading />}>
      <StripePayment
        publishableKey={stripePublishableKey}
        clientSecret={session.clientSecret}
        orderId={orderId}
        onSubmitted={onSubmitted}
      />
    </Suspense>
  );
}
