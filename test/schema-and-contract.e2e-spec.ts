import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema, validate } from 'graphql';
import { CONTRACT_FILES, contractOperation, contractOperations, contractSource } from './support/contract';
import { errorCode, startTestApp, TestApp, uniqueEmail } from './support/test-app';
import { verifyEmail } from './support/parties';

const SCHEMA_FILE = join(__dirname, '../apps/api/schema.gql');

/**
 * Every operation of the contract files (journey, commerce, licensing) is in exactly one of two lists.
 * IMPLEMENTED: validates against the schema the app serves, and must keep validating.
 * PENDING: not served yet, and asserted NOT to validate: a feature that lands makes its operations validate, which
 * fails this suite until they move from PENDING to IMPLEMENTED. So PENDING only shrinks, and it is the remaining
 * distance to the whole contract, visible in every run.
 */
const IMPLEMENTED = [
  'SignUp',
  'LogIn',
  'CreateOrganization',
  'CreateFilmIp',
  'PublishLicenseOffer',
  'ApplyForLicense',
  'ApproveLicenseApplication',
  'RejectLicenseApplication',
  'CreateMerchandise',
  'CreateVenue',
  'CreateExperience',
  'AddTimeSlot',
  'SubmitProductForApproval',
  'ApproveProduct',
  'PublishProduct',
  'SearchProducts',
  'RoyaltyReport',
  'Checkout',
  'DevConfirmPayment',
  'Order',
  'RedeemTicket',
  'RefundOrderLine',
  'RequestRefund',
  'DecideRefundRequest',
  // commerce.graphql
  'SetProductMedia',
  'ReviewOrderLine',
  'ProductReviews',
  'SetDeliveryOptions',
  'CheckoutWithDelivery',
  'ShipOrderLines',
  'OrderDetail',
  // licensing.graphql
  'PublishLicenseOfferWithChannels',
  'VerifyLicensedProduct',
  'SubmitSalesReport',
  'DecideSalesReport',
  'RoyaltyReportBySource',
  'SubmitDesignRound',
  'RequestDesignChanges',
  'ApprovalRounds',
  'AddBrandAsset',
  'BrandAssets',
];

/** Empty now: every operation of the three contracts is served. */
const PENDING: string[] = [];

describe('schema and contract', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t.close());

  it('apps/api/schema.gql is the schema the code emits (npm run schema:emit refreshes it)', () => {
    const emitted = `${printSchema(lexicographicSortSchema(schema))}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, emitted);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(emitted);
  });

  it.each(CONTRACT_FILES)('the vendored contract copy test/contract/%s matches ../shared/contract', (file) => {
    const source = contractSource(file);
    if (!source.sharedPath) {
      process.stdout.write('contract: ../shared not found beside this checkout; using the vendored copy\n');
    }
    expect(source.vendored).toBe(source.text);
  });

  it('every contract operation is listed once, as implemented or as pending', () => {
    const listed = [...IMPLEMENTED, ...PENDING];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...contractOperations().keys()].sort()).toEqual(listed.sort());
  });

  it('every implemented contract operation validates against the schema; every pending one does not yet', () => {
    const ops = contractOperations();
    const failures: Record<string, string[]> = {};
    for (const [name, doc] of ops) {
      const errors = validate(schema, doc);
      if (errors.length > 0) failures[name] = errors.map((e) => e.message);
    }
    const notYet = [...ops.keys()].filter((name) => failures[name]);
    process.stdout.write(
      `contract: ${ops.size - notYet.length}/${ops.size} operations validate; not covered yet: ${notYet.join(', ') || 'none'}\n`,
    );
    for (const name of IMPLEMENTED) expect({ name, errors: failures[name] ?? [] }).toEqual({ name, errors: [] });
    // A pending operation that validates has landed: move it to IMPLEMENTED (and give it a test that runs it).
    const landed = PENDING.filter((name) => ops.has(name) && !failures[name]);
    expect({ landedButStillPending: landed }).toEqual({ landedButStillPending: [] });
  });

  it('runs the identity operations of the contract end to end', async () => {
    const email = uniqueEmail('contract');
    const up = await t.gql(contractOperation('SignUp'), {
      email,
      password: 'contract password',
      displayName: 'Contract',
    });
    expect(up.errors).toBeUndefined();
    expect(up.data?.signUp.user.email).toBe(email);
    // Logging in and creating an organization need the address proved: the link in the verification email.
    await verifyEmail(t, email);

    const login = await t.gql(contractOperation('LogIn'), { email, password: 'contract password' });
    expect(login.errors).toBeUndefined();
    const token = login.data?.logIn.accessToken as string;

    const studio = await t.gql(
      contractOperation('CreateOrganization'),
      { kind: 'STUDIO', name: 'Wuyue Films', nameZh: '吴越影视' },
      token,
    );
    expect(studio.data?.createOrganization).toMatchObject({ kind: 'STUDIO', name: 'Wuyue Films' });
    const anonymous = await t.gql(contractOperation('CreateOrganization'), { kind: 'MERCHANT', name: 'Nobody' });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
