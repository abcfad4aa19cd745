import { ConfigError, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('gives working development defaults with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      demoSeed: true,
      database: { url: undefined },
      ledger: { platformFeeBps: 1000 },
    });
  });

  it('prepares statements unless DATABASE_PREPARED_STATEMENTS turns it off (a pooler without them)', () => {
    expect(loadConfig({}).database.preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).database.preparedStatements).toBe(false);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: '1' }).database.preparedStatements).toBe(true);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });

  it.each([
    ['a non-numeric port', { PORT: 'eighty' }, /PORT/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a non-postgres database URL', { DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must be a postgres/],
    ['a short JWT secret', { JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32/],
    [
      'production without a JWT secret',
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' },
      /JWT_SECRET is required in production/,
    ],
    [
      'production without Stripe',
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'j'.repeat(40) },
      /STRIPE_SECRET_KEY is required in production/,
    ],
    [
      'production with a Stripe key but no webhook secret',
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://h/db',
        JWT_SECRET: 'j'.repeat(40),
        STRIPE_SECRET_KEY: 'sk_live_1',
      },
      /STRIPE_WEBHOOK_SECRET is required/,
    ],
    ['a Stripe key without a webhook secret', { STRIPE_SECRET_KEY: 'sk_test_1' }, /STRIPE_WEBHOOK_SECRET is required/],
    [
      'a secret key given as the publishable key',
      { STRIPE_PUBLISHABLE_KEY: 'sk_test_1' },
      /STRIPE_PUBLISHABLE_KEY must start with pk_/,
    ],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ['a platform fee above 100 %', { PLATFORM_FEE_BPS: '10001' }, /PLATFORM_FEE_BPS/],
    ['a negative redemption window', { TICKET_REDEMPTION_OPENS_MINUTES: '-5' }, /TICKET_REDEMPTION_OPENS_MINUTES/],
    [
      'a CORS origin with a path',
      { CORS_ORIGINS: 'https://shop.example.com/app' },
      /CORS_ORIGINS must be comma-separated origins/,
    ],
    ['a CORS wildcard', { CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    [
      'a test fault outside tests',
      { TEST_FAULT: 'crash-after-payment-event-recorded' },
      /TEST_FAULT is only allowed with NODE_ENV=test/,
    ],
    ['an SMTP URL of another scheme', { SMTP_URL: 'http://mail.example.test' }, /SMTP_URL must be an smtp/],
    [
      'a web URL with a path (links append their own)',
      { PUBLIC_WEB_URL: 'https://shop.example.com/app' },
      /PUBLIC_WEB_URL must be an origin/,
    ],
    ['an invitation that never lapses', { INVITATION_TTL_DAYS: '0' }, /INVITATION_TTL_DAYS/],
    [
      'an amount ceiling that would let sums near 2^53',
      { AMOUNT_CEILING_MINOR: '9007199254740991' },
      /AMOUNT_CEILING_MINOR/,
    ],
    [
      'an order total ceiling above the configurable maximum',
      { ORDER_TOTAL_CEILING_MINOR: '10000000001' },
      /ORDER_TOTAL_CEILING_MINOR/,
    ],
    [
      'an amount ceiling above the order total ceiling',
      { AMOUNT_CEILING_MINOR: '2000000', ORDER_TOTAL_CEILING_MINOR: '1000000' },
      /must not exceed ORDER_TOTAL_CEILING_MINOR/,
    ],
  ])('names the variable when given %s', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('caps a price, advance or guarantee at ¥1,000,000 and an order at ¥10,000,000 unless configured', () => {
    expect(loadConfig({}).amounts).toEqual({ amountCeilingMinor: 100_000_000, orderTotalCeilingMinor: 1_000_000_000 });
    expect(loadConfig({ AMOUNT_CEILING_MINOR: '5000', ORDER_TOTAL_CEILING_MINOR: '20000' }).amounts).toEqual({
      amountCeilingMinor: 5_000,
      orderTotalCeilingMinor: 20_000,
    });
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });

  it('defaults reservations to 15 minutes, opens redemption 2 hours before a slot, and derives the ticket signing secret from the JWT secret when unset', () => {
    const config = loadConfig({ JWT_SECRET: 'j'.repeat(40) });
    expect(config.orders).toMatchObject({
      reservationTtlMinutes: 15,
      openOrdersPerAccount: 5,
      redemptionOpensMinutes: 120,
    });
    expect(loadConfig({ TICKET_REDEMPTION_OPENS_MINUTES: '30' }).orders.redemptionOpensMinutes).toBe(30);
    expect(config.orders.ticketSigningSecret).not.toBe(
      loadConfig({ JWT_SECRET: 'k'.repeat(40) }).orders.ticketSigningSecret,
    );
    expect(loadConfig({ TICKET_SIGNING_SECRET: 't'.repeat(32) }).orders.ticketSigningSecret).toBe('t'.repeat(32));
  });

  it('allows the Vite dev server cross-origin in development, nobody by default in production and tests, and the listed origins when set', () => {
    expect(loadConfig({}).http.corsOrigins).toEqual(['http://localhost:5173', 'http://127.0.0.1:5173']);
    expect(loadConfig({ NODE_ENV: 'test' }).http.corsOrigins).toEqual([]);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      JWT_SECRET: 'j'.repeat(40),
      STRIPE_SECRET_KEY: 'sk_live_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
    };
    expect(loadConfig(production).http.corsOrigins).toEqual([]);
    expect(
      loadConfig({ ...production, CORS_ORIGINS: 'https://shop.chedun.test, https://studio.chedun.test:8443' }).http
        .corsOrigins,
    ).toEqual(['https://shop.chedun.test', 'https://studio.chedun.test:8443']);
  });

  it('sends email through SMTP only when SMTP_URL is set, from MAIL_FROM', () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'Chedun Market <no-reply@chedun.local>',
      sweepSeconds: 10,
      webUrl: 'http://localhost:3000',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.test:465', MAIL_FROM: '车墩 <shop@example.test>' }).mail,
    ).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.test:465',
      from: '车墩 <shop@example.test>',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
