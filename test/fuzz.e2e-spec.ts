import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  licensedMerchant,
  Licensed,
} from './support/catalog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { photo, upload } from './support/media';
import { documentFor, operations, rowCounts } from './support/matrix';
import { organizationOwner, Party, platformAdmin, signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Bad input against every mutation, with arbitraries derived from the schema's own input types: huge strings,
 * unicode edge cases, injection strings, out-of-range numbers, wrong ids. Each call must end in a kernel error
 * code other than INTERNAL (or a legitimate success), never an HTTP 500, and a refused call leaves the database
 * exactly as it was. Seeded and bounded: RUNS calls per mutation.
 */
const RUNS = 15;

/** The mutations of the emitted schema; the first test proves the running app has exactly these. */
const MUTATIONS = Object.keys(
  buildSchema(readFileSync(join(__dirname, '../apps/api/schema.gql'), 'utf8'))
    .getMutationType()
    ?.getFields() ?? {},
);
const VOLATILE = new Set(['rate_limits', 'search_outbox', 'search_documents', 'migrations', 'typeorm_metadata']);
const SEED = 20_261_125;

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(20_000),
  '宝莲灯'.repeat(3_000),
  '\u202Eevil\u202C',
  'a\u200Bb\u200C\u200D\uFEFF',
  '😀𝕏𠀋'.repeat(50),
  '\uD800',
  'nul\u0000byte',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '$1; SELECT pg_sleep(10)',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%s%s%s%n',
  '\r\n\t',
  'NaN',
  '-0',
  '1e309',
  'https://127.0.0.1/a.png',
  'https://cdn.example.com/ok.png',
  'Lotus Lantern',
  'a@b.co',
  'ＡＢＣ@例子.测试',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '12:00',
  '25:61',
];

const INTS = [0, -1, 1, 2, 7, 100, 10_000, 10_001, -2_147_483_648, 2_147_483_647];
const BIG = [2 ** 31, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, 0.5];

interface Pools {
  ids: string[];
}

function stringArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
}

function scalarArb(type: GraphQLScalarType, fieldName: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'ID':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...pools.ids) },
        { weight: 1, arbitrary: fc.uuid().map(String) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'not-a-uuid',
            '',
            '00000000-0000-0000-0000-000000000000',
            "1' OR '1'='1",
            'x'.repeat(5_000),
          ),
        },
      );
    case 'Int':
      return fc.oneof(
        fc.constantFrom(...INTS),
        fc.integer({ min: -5, max: 50 }),
        fc.constantFrom<unknown>(...BIG, '1', null),
      );
    case 'SafeInt':
      return fc.oneof(fc.constantFrom(...INTS), fc.maxSafeInteger(), fc.constantFrom<unknown>(...BIG, '100'));
    case 'Float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom<unknown>(0, -0, 91, -181, 1e308, '31.2'),
      );
    case 'Boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 1));
    case 'Date':
      return fc.oneof(
        fc.constantFrom(
          '2026-01-01',
          '2026-02-28',
          '2026-02-30',
          '2030-12-31',
          '1900-01-01',
          '10000-01-01',
          '2026-1-1',
        ),
        stringArb(),
      );
    case 'DateTime':
      return fc.oneof(
        fc
          .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        fc.constantFrom('2026-02-30T10:00:00Z', 'yesterday', '275760-09-13T00:00:00Z'),
        stringArb(),
      );
    default:
      return fieldName.toLowerCase().includes('email') ? fc.oneof(fc.emailAddress(), stringArb()) : stringArb();
  }
}

function inputArb(type: GraphQLInputType, fieldName: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = inputArb((type as GraphQLNonNull<GraphQLInputType>).ofType, fieldName, pools, depth);
    return fc.oneof({ weight: 19, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const nullable = getNullableType(type);
  let arb: fc.Arbitrary<unknown>;
  if (isListType(nullable)) {
    const item = inputArb((nullable as GraphQLList<GraphQLInputType>).ofType, fieldName, pools, depth + 1);
    arb = fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 30, maxLength: 120 }) },
    );
  } else if (isInputObjectType(nullable)) {
    const fields = (nullable as GraphQLInputObjectType).getFields();
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, field] of Object.entries(fields)) record[name] = inputArb(field.type, name, pools, depth + 1);
    const required = Object.values(fields)
      .filter((fld) => isNonNullType(fld.type) && fld.defaultValue === undefined)
      .map((fld) => fld.name);
    arb = fc.record(record, { requiredKeys: required });
  } else if (isEnumType(nullable)) {
    arb = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(...(nullable as GraphQLEnumType).getValues().map((v) => v.value as unknown)),
      },
      { weight: 1, arbitrary: fc.constantFrom('PLATFORM', 'NOPE', '') },
    );
  } else if (isScalarType(nullable)) {
    arb = scalarArb(nullable as GraphQLScalarType, fieldName, pools);
  } else {
    arb = fc.constant(null);
  }
  return isNonNullType(type) ? arb : fc.option(arb, { nil: null, freq: 6 });
}

/** Who calls each mutation: the actor whose rights reach past authorization into validation and the domain. */
const CALLER: Record<string, 'anon' | 'studio' | 'merchant' | 'platform' | 'visitor'> = {
  logIn: 'anon',
  logOut: 'anon',
  refreshToken: 'anon',
  signUp: 'anon',
  verifyEmail: 'anon',
  createOrganization: 'visitor',
  acceptInvitation: 'visitor',
  resendVerificationEmail: 'visitor',
  approveLicenseApplication: 'studio',
  approveProduct: 'studio',
  closeLicenseOffer: 'studio',
  createFilmIp: 'studio',
  issueRoyaltyStatement: 'studio',
  decideSalesReport: 'studio',
  reissueRoyaltyStatement: 'studio',
  linkFilmingLocation: 'studio',
  publishLicenseOffer: 'studio',
  recordFilmingLocation: 'studio',
  rejectLicenseApplication: 'studio',
  rejectProduct: 'studio',
  requestDesignChanges: 'studio',
  addBrandAsset: 'studio',
  resumeLicense: 'studio',
  suspendLicense: 'studio',
  terminateLicense: 'studio',
  updateFilmIp: 'studio',
  setFilmIpKeyArt: 'studio',
  recordLicenseTerms: 'platform',
  reindexSearch: 'platform',
  setMerchantPlatformFee: 'platform',
  requestRefund: 'visitor',
  reviewOrderLine: 'visitor',
  reportReview: 'visitor',
  setFavourite: 'visitor',
};

describe('bad-input fuzz over every mutation', () => {
  let t: TestApp;
  let parties: Record<'studio' | 'merchant' | 'platform' | 'visitor', Party>;
  let pools: Pools;
  let l: Licensed;
  const tally = { calls: 0, ok: 0, refused: 0 };
  let tables: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    tables = (await t.sql<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`))
      .map((r) => r.tablename)
      .filter((n) => !VOLATILE.has(n));
    l = await licensedMerchant(t);
    const [platform, visitor] = await Promise.all([platformAdmin(t), signUp(t, 'fuzz-visitor')]);
    const other = await organizationOwner(t, 'MERCHANT', 'Other merchant');
    parties = { studio: l.studio, merchant: l.merchant, platform, visitor };
    const published = await createMerchandise(t, l);
    await approveAndPublish(t, l, published.id);
    const draft = await createMerchandise(t, l, { name: 'Draft' });
    const venue = await createVenue(t, l.merchant);
    const experience = await createExperience(t, l, venue.id);
    const slot = await addSlot(t, l, experience.id, new Date(Date.UTC(2031, 0, 5, 2)));
    const [offer] = await t.sql<{ id: string }>(`SELECT id FROM license_offers LIMIT 1`);
    const [application] = await t.sql<{ id: string }>(`SELECT id FROM license_applications LIMIT 1`);
    // Images of the merchant and of another organization, so gallery ids hit both "mine" and "not mine".
    const [ownImage, otherImage, studioPrivate, studioImage] = await Promise.all([
      upload(t, await photo('jpeg', 1), { token: l.merchant.token }),
      upload(t, await photo('jpeg', 2), { token: other.token }),
      // A private upload of the studio: brand-asset ids that reach the domain.
      upload(t, await photo('png', 3), { token: l.studio.token, query: '?private=true' }),
      // A public upload of the studio: key art ids that reach the domain.
      upload(t, await photo('png', 4), { token: l.studio.token }),
    ]);
    // The visitor's paid lines, one with a refund request waiting for the merchant: after-sales ids that reach the domain.
    const bought = await t.gql(
      `mutation($i: CheckoutInput!) { checkout(input: $i) { order { id lines { id } } } }`,
      {
        i: {
          idempotencyKey: randomUUID(),
          lines: [
            { variantId: published.variants[0]!.id, quantity: 2 },
            { variantId: published.variants[0]!.id, quantity: 1 },
          ],
        },
      },
      visitor.token,
    );
    const order = bought.data!['checkout'].order as { id: string; lines: { id: string }[] };
    await t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { id } }`, { id: order.id }, visitor.token);
    const asked = await t.gql(
      `mutation($i: RequestRefundInput!) { requestRefund(input: $i) { id } }`,
      { i: { orderLineId: order.lines[0]!.id, reason: 'Broken' } },
      visitor.token,
    );
    // The second line shipped and reviewed by the visitor: a review id for replies and reports to reach the domain.
    await t.gql(
      `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { id } }`,
      { id: order.lines[1]!.id },
      l.merchant.token,
    );
    const reviewed = await t.gql(
      `mutation($i: ReviewOrderLineInput!) { reviewOrderLine(input: $i) { id } }`,
      { i: { orderLineId: order.lines[1]!.id, rating: 4 } },
      visitor.token,
    );
    // A sales report waiting for the studio, so decisions reach the domain.
    const reported = await t.gql(
      `mutation($i: SubmitSalesReportInput!) { submitSalesReport(input: $i) { id } }`,
      { i: { licenseId: l.licenseId, month: '2021-03', noSales: true, lines: [] } },
      l.merchant.token,
    );
    pools = {
      ids: [
        reported.data!['submitSalesReport'].id as string,
        order.id,
        order.lines[0]!.id,
        order.lines[1]!.id,
        asked.data!['requestRefund'].id as string,
        reviewed.data!['reviewOrderLine'].id as string,
        l.studio.organizationId!,
        l.merchant.organizationId!,
        other.organizationId!,
        l.filmIpId,
        l.licenseId,
        offer!.id,
        application!.id,
        published.id,
        published.variants[0]!.id,
        draft.id,
        venue.id,
        experience.id,
        slot.id,
        randomUUID(),
        ownImage.body.id,
        otherImage.body.id,
        studioPrivate.body.id,
        studioImage.body.id,
      ],
    };
  }, 60_000);
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${tally.calls} calls, ${tally.ok} succeeded, ${tally.refused} refused cleanly`);
    await t?.close();
  });

  it('fuzzes every mutation of the running schema', () => {
    expect([...operations(t).mutations.keys()].sort()).toEqual([...MUTATIONS].sort());
  });

  it.each(MUTATIONS)(
    '%s: never INTERNAL or HTTP 500; a refused call changes no table',
    async (name) => {
      const problems: string[] = [];
      {
        const field = operations(t).mutations.get(name)!;
        const argsArb = fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArb(a.type, a.name, pools)])));
        const caller = CALLER[name] ?? 'merchant';
        const token = caller === 'anon' ? undefined : parties[caller].token;
        await fc.assert(
          fc.asyncProperty(argsArb, async (args) => {
            const before = await rowCounts(t, tables);
            const missing = field.args.filter(
              (a) => isNonNullType(a.type) && a.defaultValue === undefined && !(a.name in args),
            );
            const doc = missing.length > 0 ? null : documentFor('mutation', field, args);
            if (!doc) return;
            const res = await fetch(`${t.baseUrl}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
              body: JSON.stringify({ query: doc, variables: args }),
            });
            const text = await res.text();
            tally.calls += 1;
            const body = JSON.parse(text) as {
              data?: Record<string, unknown> | null;
              errors?: { extensions?: { code?: string } }[];
              error?: { code?: string };
            };
            const code = body.errors?.[0]?.extensions?.code ?? body.error?.code;
            const sample = JSON.stringify(args).slice(0, 300);
            if (res.status >= 500) problems.push(`${name}: HTTP ${res.status} for ${sample}`);
            if (code === 'INTERNAL') problems.push(`${name}: INTERNAL for ${sample}`);
            if (/stack|QueryFailedError|at Object\.|node_modules/.test(text))
              problems.push(`${name}: internals leaked for ${sample}`);
            if (code) {
              tally.refused += 1;
              const after = await rowCounts(t, tables);
              const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
              if (changed.length > 0)
                problems.push(`${name}: refused with ${code} but changed ${changed.join(', ')} for ${sample}`);
            } else {
              tally.ok += 1;
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
      expect(problems).toEqual([]);
    },
    30_000,
  );
});
