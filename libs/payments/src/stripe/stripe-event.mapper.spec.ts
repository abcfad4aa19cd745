import Stripe from 'stripe';
import { toProviderEvent } from './stripe-event.mapper';

function event(type: string, object: Record<string, unknown>): Stripe.Event {
  return Stripe.webhooks.constructEventWithoutVerification(
    JSON.stringify({ id: 'evt_1', object: 'event', created: 1_764_300_000, type, data: { object } }),
  );
}

const intent = (extra: Record<string, unknown> = {}) => ({
  id: 'pi_1',
  object: 'payment_intent',
  amount: 12_800,
  currency: 'cny',
  metadata: { orderId: 'order-1' },
  ...extra,
});

describe('Stripe events in the marketplace’s words', () => {
  it('payment_intent.succeeded: the payment, its order and its amount in CNY minor units', () => {
    const mapped = toProviderEvent(event('payment_intent.succeeded', intent()));
    expect(mapped).toMatchObject({
      provider: 'stripe',
      eventId: 'evt_1',
      providerType: 'payment_intent.succeeded',
      kind: 'PAYMENT_SUCCEEDED',
      occurredAt: new Date(1_764_300_000_000),
      payment: { providerPaymentId: 'pi_1', orderId: 'order-1' },
    });
    expect(mapped.kind === 'PAYMENT_SUCCEEDED' && mapped.payment.amount?.toJSON()).toEqual({
      amountMinor: 12_800,
      currency: 'CNY',
    });
  });

  it('payment_intent.payment_failed: the decline message as the reason', () => {
    const mapped = toProviderEvent(
      event(
        'payment_intent.payment_failed',
        intent({ last_payment_error: { code: 'card_declined', message: 'Declined' } }),
      ),
    );
    expect(mapped).toMatchObject({ kind: 'PAYMENT_FAILED', reason: 'Declined' });
  });

  it('payment_intent.canceled', () => {
    expect(toProviderEvent(event('payment_intent.canceled', intent()))).toMatchObject({ kind: 'PAYMENT_CANCELLED' });
  });

  it('charge.refunded: the cumulative refunded total of the charge’s payment intent', () => {
    const mapped = toProviderEvent(
      event('charge.refunded', {
        id: 'ch_1',
        object: 'charge',
        amount: 1_000,
        amount_refunded: 400,
        currency: 'cny',
        payment_intent: 'pi_1',
        metadata: {},
      }),
    );
    expect(mapped).toMatchObject({ kind: 'PAYMENT_REFUNDED', payment: { providerPaymentId: 'pi_1', orderId: null } });
    expect(mapped.kind === 'PAYMENT_REFUNDED' && mapped.refundedTotal.toJSON()).toEqual({
      amountMinor: 400,
      currency: 'CNY',
    });
  });

  it('refund.updated: the refund’s settled status', () => {
    expect(
      toProviderEvent(event('refund.updated', { id: 're_1', object: 'refund', status: 'succeeded' })),
    ).toMatchObject({ kind: 'REFUND_UPDATED', providerRefundId: 're_1', status: 'SUCCEEDED' });
    expect(toProviderEvent(event('refund.failed', { id: 're_1', object: 'refund', status: 'failed' }))).toMatchObject({
      kind: 'REFUND_UPDATED',
      status: 'FAILED',
    });
  });

  it('transfer.reversed / transfer.updated: the cumulative reversed total and the payout the transfer was for', () => {
    const tr = (reversed: number) => ({
      id: 'tr_1',
      object: 'transfer',
      amount: 1_500,
      amount_reversed: reversed,
      currency: 'cny',
      metadata: { payoutId: 'payout-1' },
    });
    const mapped = toProviderEvent(event('transfer.reversed', tr(600)));
    expect(mapped).toMatchObject({ kind: 'TRANSFER_REVERSED', providerTransferId: 'tr_1', payoutId: 'payout-1' });
    expect(mapped.kind === 'TRANSFER_REVERSED' && mapped.reversedTotal.toJSON()).toEqual({
      amountMinor: 600,
      currency: 'CNY',
    });
    expect(toProviderEvent(event('transfer.updated', tr(1_500)))).toMatchObject({
      kind: 'TRANSFER_REVERSED',
      providerTransferId: 'tr_1',
    });
    // An update that reverses nothing is not news about money.
    expect(toProviderEvent(event('transfer.updated', tr(0)))).toMatchObject({ kind: 'UNHANDLED' });
  });

  it('anything else, a charge without a payment intent, or a currency the marketplace never charges in: left alone', () => {
    expect(toProviderEvent(event('customer.created', { id: 'cus_1' }))).toMatchObject({ kind: 'UNHANDLED' });
    expect(
      toProviderEvent(
        event('charge.refunded', { id: 'ch_1', amount: 1, amount_refunded: 1, currency: 'cny', payment_intent: null }),
      ),
    ).toMatchObject({ kind: 'UNHANDLED' });
    expect(toProviderEvent(event('payment_intent.succeeded', intent({ currency: 'jpy' })))).toMatchObject({
      kind: 'UNHANDLED',
    });
  });
});
