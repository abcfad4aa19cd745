import { ErrorCode, Money } from '@chedun/kernel';
import { PaymentsException } from '@chedun/payments';
import { StripePaymentGateway } from '../libs/payments/src/stripe/stripe-payment.gateway';
import { FakeStripe } from './support/fake-stripe';

describe('Stripe payment gateway (official SDK against a local fake API)', () => {
  let fake: FakeStripe;
  let gateway: StripePaymentGateway;

  beforeAll(async () => {
    fake = await FakeStripe.start();
    gateway = new StripePaymentGateway({
      secretKey: 'sk_test_x',
      apiHost: '127.0.0.1',
      apiPort: fake.port,
      apiProtocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => fake.close());

  it('creates a PaymentIntent in minor units with card, Alipay and WeChat Pay, the order id and a transfer group', async () => {
    const created = await gateway.createPayment({
      orderId: '8f3c1d7e-0000-4000-8000-000000000001',
      amount: Money.of(12_345, 'CNY'),
      idempotencyKey: 'checkout-key-1',
      transferGroup: 'order_8f3c1d7e',
      description: 'Chedun order 8f3c1d7e',
    });

    expect(created).toMatchObject({ provider: 'stripe', providerPaymentId: expect.stringMatching(/^pi_/) });
    expect(created.clientSecret).toMatch(new RegExp(`^${created.providerPaymentId}_secret_`));
    const request = fake.last();
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/payment_intents');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['authorization']).toBe('Bearer sk_test_x');
    expect(request.headers['idempotency-key']).toBe('checkout-key-1');
    expect(request.form).toEqual({
      amount: '12345',
      currency: 'cny',
      description: 'Chedun order 8f3c1d7e',
      'metadata[orderId]': '8f3c1d7e-0000-4000-8000-000000000001',
      transfer_group: 'order_8f3c1d7e',
      'allowed_payment_method_types[0]': 'card',
      'allowed_payment_method_types[1]': 'alipay',
      'allowed_payment_method_types[2]': 'wechat_pay',
      'payment_method_options[wechat_pay][client]': 'web',
    });
  });

  it('returns the same payment when the idempotency key is repeated', async () => {
    const input = {
      orderId: '8f3c1d7e-0000-4000-8000-000000000002',
      amount: Money.of(500, 'CNY'),
      idempotencyKey: 'checkout-key-2',
      transferGroup: 'order_2',
      description: 'Chedun order 2',
    };
    const first = await gateway.createPayment(input);
    const second = await gateway.createPayment(input);
    expect(second).toEqual(first);
  });

  it('refunds part of a payment with the caller’s idempotency key', async () => {
    const result = await gateway.refund({
      providerPaymentId: 'pi_abc',
      amount: Money.of(2_000, 'CNY'),
      idempotencyKey: 'refund-key-1',
      reason: 'Line 2 returned',
    });

    expect(result).toEqual({ providerRefundId: expect.stringMatching(/^re_/), status: 'SUCCEEDED' });
    const request = fake.last();
    expect(request.path).toBe('/v1/refunds');
    expect(request.headers['idempotency-key']).toBe('refund-key-1');
    expect(request.form).toEqual({
      payment_intent: 'pi_abc',
      amount: '2000',
      reason: 'requested_by_customer',
      'metadata[reason]': 'Line 2 returned',
    });
  });

  it('pays out to a connected account inside the order’s transfer group', async () => {
    const result = await gateway.transfer({
      destinationAccountId: 'acct_studio',
      amount: Money.of(1_500, 'CNY'),
      transferGroup: 'order_8f3c1d7e',
      idempotencyKey: 'payout-key-1',
      payoutId: 'payout-1',
    });

    expect(result.providerTransferId).toMatch(/^tr_/);
    const request = fake.last();
    expect(request.path).toBe('/v1/transfers');
    expect(request.headers['idempotency-key']).toBe('payout-key-1');
    expect(request.form).toEqual({
      amount: '1500',
      currency: 'cny',
      destination: 'acct_studio',
      transfer_group: 'order_8f3c1d7e',
      'metadata[payoutId]': 'payout-1',
    });
  });

  it('wraps a card decline as PAYMENT_FAILED, not retryable', async () => {
    fake.failNext(402, {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    const error = await gateway
      .createPayment({
        orderId: '8f3c1d7e-0000-4000-8000-000000000003',
        amount: Money.of(100),
        idempotencyKey: 'k3',
        transferGroup: 'g',
        description: 'd',
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PaymentsException);
    expect(error).toMatchObject({
      code: ErrorCode.PAYMENT_FAILED,
      details: { retryable: false, providerCode: 'card_declined', declineCode: 'insufficient_funds' },
    });
  });

  it('wraps a provider outage as a retryable INTERNAL error', async () => {
    fake.failNext(500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' });
    const error = await gateway
      .refund({ providerPaymentId: 'pi_abc', amount: Money.of(100), idempotencyKey: 'k4', reason: 'r' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PaymentsException);
    expect(error).toMatchObject({ code: ErrorCode.INTERNAL, details: { retryable: true, operation: 'refund' } });
  });

  it('wraps a refused request (invalid parameters) as PAYMENT_FAILED', async () => {
    fake.failNext(400, {
      type: 'invalid_request_error',
      code: 'charge_already_refunded',
      message: 'Charge has already been refunded.',
    });
    const error = await gateway
      .refund({ providerPaymentId: 'pi_abc', amount: Money.of(100), idempotencyKey: 'k5', reason: 'r' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: ErrorCode.PAYMENT_FAILED,
      details: { providerCode: 'charge_already_refunded' },
    });
  });

  it('wraps an unreachable provider as a retryable INTERNAL error', async () => {
    const unreachable = new StripePaymentGateway({
      secretKey: 'sk_test_x',
      apiHost: '127.0.0.1',
      apiPort: 1,
      apiProtocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await unreachable
      .transfer({
        destinationAccountId: 'acct_x',
        amount: Money.of(100),
        transferGroup: 'g',
        idempotencyKey: 'k6',
        payoutId: 'p6',
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: ErrorCode.INTERNAL, details: { retryable: true, operation: 'transfer' } });
  });
});
