import { randomBytes } from 'node:crypto';
import { ApiCluster, ApiProcess, startApiCluster } from './support/api-process';
import { FakeStripe } from './support/fake-stripe';
import { checkout, openShop } from './support/orders';
import { emailedToken, PASSWORD, signUp, verifyEmail } from './support/parties';
import { deliver, paymentIntent, sign, stripeEvent, WEBHOOK_SECRET } from './support/stripe-events';
import { uniqueEmail } from './support/test-app';

const AUTH = `accessToken refreshToken`;

/**
 * What an API process writes to its logs (pino JSON on stdout, at debug, the most an operator would turn on) across
 * the flows that carry secrets, checked for every one of those secrets.
 */
describe('secrets never reach the logs', () => {
  let fake: FakeStripe;
  let cluster: ApiCluster;
  let api: ApiProcess;
  const stripeKey = `sk_test_${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    fake = await FakeStripe.start();
    cluster = await startApiCluster({
      LOG_LEVEL: 'debug',
      STRIPE_SECRET_KEY: stripeKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...fake.env(),
    });
    api = await cluster.start('logged');
  });
  afterAll(async () => {
    await cluster?.close();
    await fake?.close();
  });

  it('not across sign-up, log-in, refresh, a wrong password, checkout, a signed webhook and a card number sent by mistake', async () => {
    const secrets: Record<string, string> = {
      'JWT secret': cluster.env['JWT_SECRET']!,
      'Stripe secret key': stripeKey,
      'webhook secret': WEBHOOK_SECRET,
      password: 'Lotus-lantern-2026!',
      'wrong password': 'not-my-password-at-all',
      'card number': '4242424242424242',
      'spaced card number': '4000 0566 5566 5556',
    };
    const email = uniqueEmail('logged');
    const signedUp = await api.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { ${AUTH} } }`, {
      i: { email, password: secrets['password'], displayName: 'Logged Visitor' },
    });
    expect(signedUp.errors).toBeUndefined();
    const verificationLink = await emailedToken(cluster, 'EMAIL_VERIFICATION', email);
    await verifyEmail({ gql: api.gql, sql: cluster.sql }, email);
    const loggedIn = await api.gql(`mutation($i: LogInInput!) { logIn(input: $i) { ${AUTH} } }`, {
      i: { email, password: secrets['password'] },
    });
    const refreshed = await api.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { ${AUTH} } }`, {
      t: loggedIn.data!['logIn'].refreshToken,
    });
    expect(refreshed.errors).toBeUndefined();
    // The spent refresh token again (refused), and a wrong password.
    expect(
      (
        await api.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { ${AUTH} } }`, {
          t: loggedIn.data!['logIn'].refreshToken,
        })
      ).errors,
    ).toBeDefined();
    expect(
      (
        await api.gql(`mutation($i: LogInInput!) { logIn(input: $i) { ${AUTH} } }`, {
          i: { email, password: secrets['wrong password'] },
        })
      ).errors,
    ).toBeDefined();
    // A client that puts a log-in in a GET URL, as some tools do: refused, and the URL must not carry the password into the logs.
    const url = new URL(`${api.baseUrl}/graphql`);
    url.searchParams.set('query', `mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }`);
    url.searchParams.set('variables', JSON.stringify({ i: { email, password: secrets['password'] } }));
    await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    // Card numbers have no place here at all, but a confused client may send one anywhere.
    await api.gql(
      `query($card: String) { me { id } }`,
      { card: secrets['card number'] },
      refreshed.data!['refreshToken'].accessToken,
    );
    await api.gql(
      `mutation { signUp(input: { email: "${secrets['spaced card number']}", password: "x", displayName: "x" }) { accessToken } }`,
    );
    await fetch(`${api.baseUrl}/graphql?card=${secrets['card number']}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });

    const via = cluster.client(api);
    const shop = await openShop(via, { stock: 5 });
    const buyer = await signUp(via, 'logged-buyer');
    const placed = await checkout(via, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const orderId = placed.data!.checkout.order.id as string;
    const [payment] = await cluster.sql<{ provider_payment_id: string }>(
      `SELECT provider_payment_id FROM payments WHERE order_id = $1`,
      [orderId],
    );
    const clientSecret = placed.data!.checkout.payment.clientSecret as string;
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(payment!.provider_payment_id, orderId, 9_900, { client_secret: clientSecret }),
    );
    const signature = sign(payload);
    expect((await deliver(api.baseUrl, payload, signature)).status).toBe(200);
    expect((await deliver(api.baseUrl, payload, sign(payload, { secret: 'whsec_wrong' }))).status).toBe(400);

    Object.assign(secrets, {
      'access token (sign-up)': signedUp.data!['signUp'].accessToken,
      'refresh token (sign-up)': signedUp.data!['signUp'].refreshToken,
      'access token (log-in)': loggedIn.data!['logIn'].accessToken,
      'refresh token (log-in)': loggedIn.data!['logIn'].refreshToken,
      'access token (refreshed)': refreshed.data!['refreshToken'].accessToken,
      'refresh token (refreshed)': refreshed.data!['refreshToken'].refreshToken,
      'buyer access token': buyer.token,
      'email verification link': verificationLink,
      'helper password': PASSWORD,
      'payment client secret': clientSecret,
      'Stripe-Signature': signature
        .split(',')
        .find((p) => p.startsWith('v1='))!
        .slice(3),
    });

    // Let the last lines reach the pipe, then read everything the process wrote.
    await new Promise((r) => setTimeout(r, 300));
    const logs = api.logs();
    const lines = logs.split('\n').filter((l) => l.trim() !== '');
    process.stdout.write(
      `secrets: ${lines.length} log lines (${logs.length} bytes) checked for ${Object.keys(secrets).length} secrets\n`,
    );
    // The logs did capture these requests (so an empty log cannot pass), with the request ids that tie them together.
    expect(lines.filter((l) => l.includes('"url":"/graphql')).length).toBeGreaterThan(15);
    expect(logs).toContain('/webhooks/stripe');
    const leaked = Object.entries(secrets).filter(
      ([, value]) =>
        logs.includes(value) || logs.includes(value.replace(/ /g, '%20')) || logs.includes(value.replace(/ /g, '+')),
    );
    expect(leaked.map(([name]) => name)).toEqual([]);
  });
});
