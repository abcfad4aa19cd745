import { AmountLimits, DEFAULT_AMOUNT_LIMITS, MAX_CONFIGURABLE_CEILING_MINOR } from '@chedun/kernel';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** scheme://host[:port], nothing after: what a browser sends as its Origin header. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** The Vite dev server (`npm run dev:web`), the one cross-origin caller a development machine has. */
const DEVELOPMENT_CORS_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** Points where a test may ask the process to die (SIGKILL itself), to prove what a crash there leaves behind. */
export const TEST_FAULTS = ['crash-after-payment-event-recorded'] as const;
export type TestFault = (typeof TEST_FAULTS)[number];

/** Every setting the marketplace reads. The only place `process.env` is interpreted. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // Off behind a pooler that cannot carry named statements across transactions (docs/SCALING.md).
    DATABASE_PREPARED_STATEMENTS: bool.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    JWT_ISSUER: z.string().min(1).default('chedun-market'),
    JWT_AUDIENCE: z.string().min(1).default('chedun-market-api'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // Failed log-ins per window: of one account from one address (that pair is then refused), of one account from
    // every address together (then only addresses the account has logged in from may go on), of one address.
    LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).default(5),
    LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
    LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    // Links sent by email (address verification, invitations): how long they work, and the web app they open.
    EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(30).default(7),
    PUBLIC_WEB_URL: z
      .string()
      .regex(ORIGIN, 'PUBLIC_WEB_URL must be an origin such as https://shop.example.com')
      .default('http://localhost:3000'),
    // Requests allowed per window, per account (or, for sign-up, per email) and per client address.
    SIGNUP_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
    SIGNUP_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
    SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    SEARCH_PER_ACCOUNT: z.coerce.number().int().min(1).default(120),
    SEARCH_PER_ADDRESS: z.coerce.number().int().min(1).default(300),
    SEARCH_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    // Proof-of-license pages are public: per address is what counts (anonymous scanners share no account).
    VERIFY_PER_ACCOUNT: z.coerce.number().int().min(1).default(60),
    VERIFY_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
    VERIFY_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    CHECKOUT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    CHECKOUT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    CHECKOUT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    UPLOAD_PER_ACCOUNT: z.coerce.number().int().min(1).default(300),
    UPLOAD_PER_ADDRESS: z.coerce.number().int().min(1).default(600),
    UPLOAD_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    DEMO_SEED: bool.optional(),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'STRIPE_SECRET_KEY must start with sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET must start with whsec_').optional(),
    // Public by design: the web app hands it to Stripe.js to show the Payment Element.
    STRIPE_PUBLISHABLE_KEY: z.string().startsWith('pk_', 'STRIPE_PUBLISHABLE_KEY must start with pk_').optional(),
    // Points the SDK at another API server (a local fake in tests); Stripe's own host when unset.
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    // A hung Stripe call fails after this long (per attempt), so a request never waits on it indefinitely.
    STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
    STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    MEILI_HOST: z.url({ error: 'MEILI_HOST must be a URL such as http://127.0.0.1:7700' }).optional(),
    MEILI_API_KEY: z.string().optional(),
    // Uploaded images go to this S3 bucket when set (the official AWS SDK); otherwise to DATA_DIR/media on local disk.
    MEDIA_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'MEDIA_S3_BUCKET must be an S3 bucket name')
      .optional(),
    MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
    // An S3-compatible server other than AWS (MinIO, Ceph, R2...); AWS's own endpoint when unset.
    MEDIA_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'MEDIA_S3_ENDPOINT must be an http(s) URL' }).optional(),
    MEDIA_S3_FORCE_PATH_STYLE: bool.optional(),
    // Without keys the SDK's own chain applies (environment, instance role); both or neither.
    MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    // Objects live under this prefix in the bucket, so one bucket can serve several environments.
    MEDIA_S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)*\/?$/, 'MEDIA_S3_PREFIX must be a plain path such as media/')
      .default('media/'),
    // The built web app (`npm run build:web`); served at / when its index.html exists.
    WEB_DIR: z.string().min(1).default('dist/web'),
    PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(1000),
    // The scheduled payout run: every this many seconds (0 turns it off), paying a payee once it is owed at least the minimum.
    PAYOUT_RUN_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(3600),
    PAYOUT_MINIMUM_MINOR: z.coerce.number().int().min(1).max(MAX_CONFIGURABLE_CEILING_MINOR).default(10_000),
    // Ceilings on every amount (kernel amount-limits.ts says why they keep the ledger's sums exact): a unit price,
    // an advance or a minimum guarantee, and one order's total, in minor units.
    AMOUNT_CEILING_MINOR: z.coerce
      .number()
      .int()
      .min(100)
      .max(MAX_CONFIGURABLE_CEILING_MINOR)
      .default(DEFAULT_AMOUNT_LIMITS.amountCeilingMinor),
    ORDER_TOTAL_CEILING_MINOR: z.coerce
      .number()
      .int()
      .min(100)
      .max(MAX_CONFIGURABLE_CEILING_MINOR)
      .default(DEFAULT_AMOUNT_LIMITS.orderTotalCeilingMinor),
    RESERVATION_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    RESERVATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // How often due refund tasks (cancelled slots, late payments) run.
    REFUND_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    OPEN_ORDERS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    // A ticket admits from this many minutes before its time slot starts until the slot ends.
    TICKET_REDEMPTION_OPENS_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(120),
    TICKET_SIGNING_SECRET: z.string().min(32, 'TICKET_SIGNING_SECRET must be at least 32 characters').optional(),
    // Signs brand-asset download URLs; when unset, derived from JWT_SECRET like the ticket secret.
    BRAND_ASSET_SIGNING_SECRET: z
      .string()
      .min(32, 'BRAND_ASSET_SIGNING_SECRET must be at least 32 characters')
      .optional(),
    // How long a signed brand-asset URL works: at most 15 minutes (the contract's bound).
    BRAND_ASSET_URL_SECONDS: z.coerce.number().int().min(30).max(900).default(600),
    // Browser origins (scheme://host[:port]) allowed to call the API cross-origin; the served web app is same-origin.
    CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
      )
      .pipe(
        z.array(
          z.string().regex(ORIGIN, 'CORS_ORIGINS must be comma-separated origins such as https://shop.example.com'),
        ),
      )
      .optional(),
    // Crash-safety tests of a real process (test/process-crash): the process kills itself at the named point.
    TEST_FAULT: z.enum(TEST_FAULTS).optional(),
    // Email goes out through this SMTP server when set (smtp://user:pass@host:587 or smtps://...); otherwise it is logged.
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).max(200).default('Chedun Market <no-reply@chedun.local>'),
    NOTIFICATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    // Bearer token for GET /metrics; without it /metrics is open in development and off in production.
    METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
    // Statements slower than this are logged (warn) with their SQL, never their parameters.
    DB_SLOW_QUERY_MS: z.coerce.number().int().min(1).max(600_000).default(500),
  })
  .superRefine((env, ctx) => {
    if (env.TEST_FAULT && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['TEST_FAULT'], message: 'TEST_FAULT is only allowed with NODE_ENV=test' });
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL is required in production' });
    }
    // Without Stripe a production checkout would open development payments that nothing can ever confirm.
    if (env.NODE_ENV === 'production' && !env.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_SECRET_KEY'],
        message: 'STRIPE_SECRET_KEY is required in production',
      });
    }
    // A unit price above the order ceiling could be listed but never bought.
    if (env.AMOUNT_CEILING_MINOR > env.ORDER_TOTAL_CEILING_MINOR) {
      ctx.addIssue({
        code: 'custom',
        path: ['AMOUNT_CEILING_MINOR'],
        message: 'AMOUNT_CEILING_MINOR must not exceed ORDER_TOTAL_CEILING_MINOR',
      });
    }
    if (!env.MEDIA_S3_ACCESS_KEY_ID !== !env.MEDIA_S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEDIA_S3_ACCESS_KEY_ID'],
        message: 'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together',
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY',
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: RawConfig['LOG_LEVEL'];
  database: {
    url: string | undefined;
    poolSize: number;
    preparedStatements: boolean;
    embeddedPort: number;
    slowQueryMs: number;
  };
  dataDir: string;
  auth: {
    jwtSecret: string | undefined;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    loginAttemptsPerAccountAddress: number;
    loginAttemptsPerAccount: number;
    loginAttemptsPerAddress: number;
    loginWindowSeconds: number;
    /** How long an email-verification link works. */
    emailVerificationTtlHours: number;
    /** How long an invitation link works. */
    invitationTtlDays: number;
  };
  /** Request limits of the sensitive flows, counted in Postgres so every API process shares them. */
  rateLimits: Record<RateLimitedFlow, RateLimit>;
  demoSeed: boolean;
  stripe: {
    secretKey: string | undefined;
    webhookSecret: string | undefined;
    /** Given to browsers (Stripe.js); never a secret. */
    publishableKey: string | undefined;
    apiHost: string | undefined;
    apiPort: number | undefined;
    apiProtocol: 'http' | 'https' | undefined;
    timeoutMs: number;
    maxNetworkRetries: number;
  };
  meili: { host: string | undefined; apiKey: string | undefined };
  /** Where uploaded images are stored: S3 when `s3` is set, else `localDir` (DATA_DIR/media). */
  media: { localDir: string; s3: MediaS3Config | undefined };
  webDir: string;
  /** Origins allowed cross-origin (CORS); empty means same-origin only. */
  http: { corsOrigins: string[] };
  /** Set only under NODE_ENV=test: where the process kills itself (crash-safety tests of a real process). */
  testFault: TestFault | undefined;
  /** GET /metrics: open when `token` is unset and not in production, off when unset in production, else Bearer `token`. */
  metrics: { token: string | undefined };
  /** Platform fee in basis points of each paid line, unless the merchant has its own rate. */
  ledger: { platformFeeBps: number };
  /** Ceilings on prices, advances, guarantees and order totals, checked at the edge and in the domain. */
  amounts: AmountLimits;
  /** The scheduled payout run's interval (0: off) and the least a payee must be owed, in minor units, to be paid by it. */
  payouts: { runSeconds: number; minimumMinor: number };
  orders: {
    reservationTtlMinutes: number;
    reservationSweepSeconds: number;
    refundSweepSeconds: number;
    openOrdersPerAccount: number;
    /** A ticket is redeemable from this many minutes before its slot starts until the slot ends. */
    redemptionOpensMinutes: number;
    /** Signs ticket QR payloads; when unset, derived from JWT_SECRET (required in production), else a development constant. */
    ticketSigningSecret: string;
  };
  /** Brand-asset downloads: the HMAC secret of their signed URLs and how long one works (≤ 15 minutes). */
  brandAssets: { signingSecret: string; urlSeconds: number };
  /**
   * Outgoing email: SMTP when a URL is set, else the development sender (log, and devNotifications). Links in emails
   * open pages of the web app at `webUrl`.
   */
  mail: { smtpUrl: string | undefined; from: string; sweepSeconds: number; webUrl: string };
}

export type RateLimitedFlow = 'signUp' | 'search' | 'verify' | 'checkout' | 'upload';

export interface MediaS3Config {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  prefix: string;
}

export interface RateLimit {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    isProduction: c.NODE_ENV === 'production',
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    database: {
      url: c.DATABASE_URL,
      poolSize: c.DATABASE_POOL_SIZE,
      preparedStatements: c.DATABASE_PREPARED_STATEMENTS ?? true,
      embeddedPort: c.EMBEDDED_PG_PORT,
      slowQueryMs: c.DB_SLOW_QUERY_MS,
    },
    dataDir: c.DATA_DIR,
    auth: {
      jwtSecret: c.JWT_SECRET,
      issuer: c.JWT_ISSUER,
      audience: c.JWT_AUDIENCE,
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
      loginAttemptsPerAccountAddress: c.LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS,
      loginAttemptsPerAccount: c.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerAddress: c.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: c.LOGIN_WINDOW_SECONDS,
      emailVerificationTtlHours: c.EMAIL_VERIFICATION_TTL_HOURS,
      invitationTtlDays: c.INVITATION_TTL_DAYS,
    },
    rateLimits: {
      signUp: {
        perAccount: c.SIGNUP_PER_ACCOUNT,
        perAddress: c.SIGNUP_PER_ADDRESS,
        windowSeconds: c.SIGNUP_WINDOW_SECONDS,
      },
      search: {
        perAccount: c.SEARCH_PER_ACCOUNT,
        perAddress: c.SEARCH_PER_ADDRESS,
        windowSeconds: c.SEARCH_WINDOW_SECONDS,
      },
      verify: {
        perAccount: c.VERIFY_PER_ACCOUNT,
        perAddress: c.VERIFY_PER_ADDRESS,
        windowSeconds: c.VERIFY_WINDOW_SECONDS,
      },
      checkout: {
        perAccount: c.CHECKOUT_PER_ACCOUNT,
        perAddress: c.CHECKOUT_PER_ADDRESS,
        windowSeconds: c.CHECKOUT_WINDOW_SECONDS,
      },
      upload: {
        perAccount: c.UPLOAD_PER_ACCOUNT,
        perAddress: c.UPLOAD_PER_ADDRESS,
        windowSeconds: c.UPLOAD_WINDOW_SECONDS,
      },
    },
    demoSeed: c.DEMO_SEED ?? c.NODE_ENV === 'development',
    stripe: {
      secretKey: c.STRIPE_SECRET_KEY,
      webhookSecret: c.STRIPE_WEBHOOK_SECRET,
      publishableKey: c.STRIPE_PUBLISHABLE_KEY,
      apiHost: c.STRIPE_API_HOST,
      apiPort: c.STRIPE_API_PORT,
      apiProtocol: c.STRIPE_API_PROTOCOL,
      timeoutMs: c.STRIPE_TIMEOUT_MS,
      maxNetworkRetries: c.STRIPE_MAX_NETWORK_RETRIES,
    },
    meili: { host: c.MEILI_HOST, apiKey: c.MEILI_API_KEY },
    media: {
      localDir: join(c.DATA_DIR, 'media'),
      s3: c.MEDIA_S3_BUCKET
        ? {
            bucket: c.MEDIA_S3_BUCKET,
            region: c.MEDIA_S3_REGION,
            endpoint: c.MEDIA_S3_ENDPOINT,
            // Most S3-compatible servers address buckets by path; AWS by host name.
            forcePathStyle: c.MEDIA_S3_FORCE_PATH_STYLE ?? c.MEDIA_S3_ENDPOINT !== undefined,
            credentials:
              c.MEDIA_S3_ACCESS_KEY_ID && c.MEDIA_S3_SECRET_ACCESS_KEY
                ? { accessKeyId: c.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: c.MEDIA_S3_SECRET_ACCESS_KEY }
                : undefined,
            prefix:
              c.MEDIA_S3_PREFIX === '' || c.MEDIA_S3_PREFIX.endsWith('/') ? c.MEDIA_S3_PREFIX : `${c.MEDIA_S3_PREFIX}/`,
          }
        : undefined,
    },
    webDir: c.WEB_DIR,
    http: { corsOrigins: c.CORS_ORIGINS ?? (c.NODE_ENV === 'development' ? DEVELOPMENT_CORS_ORIGINS : []) },
    testFault: c.NODE_ENV === 'test' ? c.TEST_FAULT : undefined,
    metrics: { token: c.METRICS_TOKEN },
    ledger: { platformFeeBps: c.PLATFORM_FEE_BPS },
    amounts: { amountCeilingMinor: c.AMOUNT_CEILING_MINOR, orderTotalCeilingMinor: c.ORDER_TOTAL_CEILING_MINOR },
    payouts: { runSeconds: c.PAYOUT_RUN_SECONDS, minimumMinor: c.PAYOUT_MINIMUM_MINOR },
    orders: {
      reservationTtlMinutes: c.RESERVATION_TTL_MINUTES,
      reservationSweepSeconds: c.RESERVATION_SWEEP_SECONDS,
      refundSweepSeconds: c.REFUND_SWEEP_SECONDS,
      openOrdersPerAccount: c.OPEN_ORDERS_PER_ACCOUNT,
      redemptionOpensMinutes: c.TICKET_REDEMPTION_OPENS_MINUTES,
      ticketSigningSecret:
        c.TICKET_SIGNING_SECRET ??
        (c.JWT_SECRET
          ? createHmac('sha256', c.JWT_SECRET).update('chedun-ticket-qr').digest('hex')
          : 'development-ticket-signing-secret'),
    },
    brandAssets: {
      signingSecret:
        c.BRAND_ASSET_SIGNING_SECRET ??
        (c.JWT_SECRET
          ? createHmac('sha256', c.JWT_SECRET).update('chedun-brand-asset-url').digest('hex')
          : 'development-brand-asset-signing-secret'),
      urlSeconds: c.BRAND_ASSET_URL_SECONDS,
    },
    mail: {
      smtpUrl: c.SMTP_URL,
      from: c.MAIL_FROM,
      sweepSeconds: c.NOTIFICATION_SWEEP_SECONDS,
      webUrl: c.PUBLIC_WEB_URL,
    },
  };
}
