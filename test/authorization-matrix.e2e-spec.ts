import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, GraphQLObjectType, isCompositeType } from 'graphql';
import { contractOperation } from './support/contract';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  Licensed,
  ok,
  sku,
} from './support/catalog';
import { applyForLicense, createFilmIp, grantLicense, publishOffer } from './support/licensing';
import {
  ACTORS,
  ActorName,
  changedTables,
  databaseDigest,
  documentFor,
  everyField,
  Expectation,
  operations,
  Outcome,
} from './support/matrix';
import { photo, upload } from './support/media';
import {
  emailedToken,
  organizationOwner,
  Party,
  PASSWORD,
  platformAdmin,
  signUp,
  signUpUnverified,
} from './support/parties';
import { GqlResult, startTestApp, TestApp, uniqueEmail } from './support/test-app';

/**
 * OWASP API1 (object level), API3 (property level) and API5 (function level): every query and mutation of the
 * emitted schema, called by each kind of actor against objects of studio A and merchant A. A new operation
 * without a row fails the suite.
 */

interface Fixture {
  studioA: Party;
  studioB: Party;
  merchantA: Party;
  merchantB: Party;
  visitor: Party;
  platform: Party;
  /** Studio A's IP, licensed to merchant A. */
  l: Licensed;
  offerId: string;
  closedOfferId: string;
  applicationId: string;
  locationId: string;
  published: { id: string; variants: { id: string }[] };
  draft: { id: string };
  pending: { id: string };
  venueId: string;
  experienceId: string;
  slotId: string;
  statementId: string;
  /** A published merchandise product with plenty of stock, for orders. */
  shopVariantId: string;
  ticketTypeId: string;
  ticketSlotId: string;
  paidOrder: { id: string; lineId: string };
  cartLineId: string;
}

interface Row {
  kind: 'query' | 'mutation';
  field: string;
  expect: Expectation;
  /** Arguments of the call; `fresh` objects are built anew for each actor so an allowed call has something to change. */
  args: (f: Fixture, fresh: Record<string, any>, cell: number) => Record<string, unknown>;
  fresh?: (f: Fixture, cell: number) => Promise<Record<string, any>>;
}

const MONTH_BASE = 2020;

const CODES: Record<string, Outcome> = {
  ok: 'ALLOW',
  U: 'UNAUTHENTICATED',
  F: 'FORBIDDEN',
  N: 'NOT_FOUND',
  C: 'CONFLICT',
};

/**
 * One cell per actor, in the order anon visitor merchantA merchantB studioA studioB platform:
 * ok = allowed, U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND (the object is not shown to that caller),
 * C = CONFLICT (past authorization, refused by a business rule: e.g. nothing due on an empty statement).
 * Platform operators read licenses, products, venues and statements for support and reconciliation (and may
 * not act for a studio or merchant); that oversight is part of the table, not an accident of it.
 */
function m(cells: string): Expectation {
  const parts = cells.split(' ');
  if (parts.length !== ACTORS.length) throw new Error(`"${cells}" needs ${ACTORS.length} cells`);
  return Object.fromEntries(ACTORS.map((a, i) => [a, CODES[parts[i]!]])) as Expectation;
}

let t: TestApp;
let f: Fixture;

function tokenOf(actor: ActorName): string | undefined {
  return actor === 'anon' ? undefined : f[actor].token;
}

async function freshProduct(stage: 'draft' | 'pending' | 'approved' | 'published'): Promise<{ productId: string }> {
  const product = await createMerchandise(t, f.l);
  if (stage === 'draft') return { productId: product.id };
  await ok(
    t.gql(contractOperation('SubmitProductForApproval'), { productId: product.id }, f.merchantA.token),
    'submitProductForApproval',
  );
  if (stage === 'pending') return { productId: product.id };
  await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, f.studioA.token), 'approveProduct');
  if (stage === 'approved') return { productId: product.id };
  await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, f.merchantA.token), 'publishProduct');
  return { productId: product.id };
}

let reportedMonths = 0;

/** A nil sales report of merchant A for a month of its own, waiting for studio A. */
async function freshSalesReport(): Promise<{ id: string }> {
  reportedMonths += 1;
  const month = `${2022 + Math.floor(reportedMonths / 12)}-${String((reportedMonths % 12) + 1).padStart(2, '0')}`;
  return ok(
    t.gql(
      `mutation($i: SubmitSalesReportInput!) { submitSalesReport(input: $i) { id } }`,
      { i: { licenseId: f.l.licenseId, month, noSales: true, lines: [] } },
      f.merchantA.token,
    ),
    'submitSalesReport',
  );
}

/** The verification code merchant A's published product got on publication. */
async function verificationCodeOfPublished(): Promise<{ code: string }> {
  const [row] = await t.sql<{ code: string }>(`SELECT verification_code AS code FROM products WHERE id = $1`, [
    f.published.id,
  ]);
  if (!row?.code) throw new Error('the published product has no verification code');
  return { code: row.code };
}

/** A draft of merchant A and an image merchant A uploaded (POST /media), for its gallery. */
async function freshGallery(cell: number): Promise<{ productId: string; mediaId: string }> {
  const { productId } = await freshProduct('draft');
  // Named: by then the matrix's createOrganization row has made merchant A's owner a member of a second merchant.
  const res = await upload(t, await photo('jpeg', 100 + cell), {
    token: f.merchantA.token,
    query: `?organizationId=${f.merchantA.organizationId}`,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
  return { productId, mediaId: res.body.id as string };
}

/** A public upload of studio A, to become its IP's key art. */
async function freshStudioImage(cell: number): Promise<{ mediaId: string }> {
  const res = await upload(t, await photo('jpeg', 400 + cell), {
    token: f.studioA.token,
    query: `?organizationId=${f.studioA.organizationId}`,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
  return { mediaId: res.body.id as string };
}

/** A draft of merchant A and artwork merchant A uploaded, for its first design round. */
async function freshDesignRound(cell: number): Promise<{ productId: string; mediaId: string }> {
  return freshGallery(200 + cell);
}

/** A private upload of studio A (POST /media?private=true), to become a brand asset of its IP. */
async function freshPrivateUpload(cell: number): Promise<{ mediaId: string }> {
  const res = await upload(t, await photo('png', 300 + cell), {
    token: f.studioA.token,
    query: `?private=true&organizationId=${f.studioA.organizationId}`,
  });
  if (res.status !== 201) throw new Error(`private upload failed: ${JSON.stringify(res.body)}`);
  return { mediaId: res.body.id as string };
}

/** A paid order of merchant A's merchandise to be shipped (merchant A offers shipping), bought by the visitor. */
async function freshShipOrder(): Promise<{ orderId: string; lineId: string }> {
  await ok(
    t.gql(
      contractOperation('SetDeliveryOptions'),
      {
        merchantId: f.merchantA.organizationId,
        pickup: true,
        ship: true,
        shippingFee: { amountMinor: 1000, currency: 'CNY' },
      },
      f.merchantA.token,
    ),
    'setDeliveryOptions',
  );
  const address = {
    recipient: '王小明',
    phone: '13800138000',
    province: '上海市',
    city: '上海市',
    district: '松江区',
    street: '影视路 1 号',
  };
  const placed = await ok<{ order: { id: string } }>(
    t.gql(
      contractOperation('CheckoutWithDelivery'),
      {
        idempotencyKey: randomUUID(),
        lines: [{ variantId: f.shopVariantId, quantity: 1 }],
        delivery: { method: 'SHIP', address },
      },
      f.visitor.token,
    ),
    'checkout',
  );
  const paid = await ok<{ lines: { id: string }[] }>(
    t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { lines { id } } }`,
      { id: placed.order.id },
      f.visitor.token,
    ),
    'devConfirmPayment',
  );
  return { orderId: placed.order.id, lineId: paid.lines[0]!.id };
}

/** A paid pickup order of merchant A's merchandise, and the code its buyer (the visitor) shows at the counter. */
async function freshPickup(): Promise<{ code: string }> {
  const { orderId } = await freshOrder(true);
  const read = await ok<{ delivery: { merchants: { pickupCode: string }[] } }>(
    t.gql(
      `query($id: ID!) { order(id: $id) { delivery { merchants { pickupCode } } } }`,
      { id: orderId },
      f.visitor.token,
    ),
    'order',
  );
  return { code: read.delivery.merchants[0]!.pickupCode };
}

async function freshOrder(
  paid: boolean,
  kind: 'variant' | 'ticket' = 'variant',
): Promise<{ orderId: string; lineId: string; code?: string }> {
  const lines =
    kind === 'variant'
      ? [{ variantId: f.shopVariantId, quantity: 1 }]
      : [{ ticketTypeId: f.ticketTypeId, timeSlotId: f.ticketSlotId, quantity: 1 }];
  const placed = await ok<{ order: { id: string; lines: { id: string }[] } }>(
    t.gql(
      `mutation($i: CheckoutInput!) { checkout(input: $i) { order { id lines { id } } } }`,
      { i: { idempotencyKey: randomUUID(), lines } },
      f.visitor.token,
    ),
    'checkout',
  );
  const out = { orderId: placed.order.id, lineId: placed.order.lines[0]!.id };
  if (!paid) return out;
  const confirmed = await ok<{ tickets: { code: string }[] }>(
    t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { tickets { code } } }`,
      { id: out.orderId },
      f.visitor.token,
    ),
    'devConfirmPayment',
  );
  return { ...out, code: confirmed.tickets[0]?.code };
}

/** A paid line of the visitor's with a refund request waiting for merchant A. */
async function freshRefundRequest(): Promise<{ id: string }> {
  const { lineId } = await freshOrder(true);
  return ok(
    t.gql(
      `mutation($i: RequestRefundInput!) { requestRefund(input: $i) { id } }`,
      { i: { orderLineId: lineId, reason: 'Arrived broken' } },
      f.visitor.token,
    ),
    'requestRefund',
  );
}

/** A line of the visitor's that merchant A shipped: handed over, so its buyer may review it. */
async function freshShippedLine(): Promise<{ lineId: string }> {
  const { lineId } = await freshOrder(true);
  await ok(
    t.gql(
      `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { id } }`,
      { id: lineId },
      f.merchantA.token,
    ),
    'fulfilOrderLine',
  );
  return { lineId };
}

/** The visitor's review of a line merchant A shipped. */
async function freshReview(): Promise<{ id: string }> {
  const { lineId } = await freshShippedLine();
  const review = await ok<{ id: string }>(
    t.gql(contractOperation('ReviewOrderLine'), { orderLineId: lineId, rating: 4, text: 'Sturdy' }, f.visitor.token),
    'reviewOrderLine',
  );
  return { id: review.id };
}

async function freshApplication(): Promise<{ id: string }> {
  const offerId = await publishOffer(t, f.studioA, f.l.filmIpId);
  return { id: await applyForLicense(t, f.merchantA, offerId) };
}

async function freshLicense(status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE'): Promise<{ id: string }> {
  const { licenseId } = await grantLicense(t, f.studioA, f.merchantA, { filmIpId: f.l.filmIpId });
  if (status === 'SUSPENDED') {
    await ok(
      t.gql(
        `mutation($id: ID!) { suspendLicense(id: $id, reason: "Audit") { id } }`,
        { id: licenseId },
        f.studioA.token,
      ),
      'suspendLicense',
    );
  }
  return { id: licenseId };
}

const RANGE = { from: '2020-01-01', to: '2030-12-31' };
const STUDIO_REPORT = (x: Fixture) => ({ studioId: x.studioA.organizationId, ...RANGE });

const ROWS: Row[] = [
  // ---- queries
  { kind: 'query', field: 'filmIp', expect: m('ok ok ok ok ok ok ok'), args: (x) => ({ id: x.l.filmIpId }) },
  {
    kind: 'query',
    field: 'filmIps',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'filmingLocation', expect: m('ok ok ok ok ok ok ok'), args: (x) => ({ id: x.locationId }) },
  {
    kind: 'query',
    field: 'incomingLicenseApplications',
    expect: m('U F F F ok F F'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'license', expect: m('U N ok N ok N ok'), args: (x) => ({ id: x.l.licenseId }) },
  { kind: 'query', field: 'licenseApplication', expect: m('U N ok N ok N ok'), args: (x) => ({ id: x.applicationId }) },
  { kind: 'query', field: 'licenseOffer', expect: m('ok ok ok ok ok ok ok'), args: (x) => ({ id: x.offerId }) },
  {
    kind: 'query',
    field: 'licenseOffers',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'licenseTerms', expect: m('U N ok N ok N ok'), args: (x) => ({ licenseId: x.l.licenseId }) },
  {
    kind: 'query',
    field: 'licensingAuditTrail',
    expect: m('U N ok N ok N ok'),
    args: (x) => ({ recordId: x.l.licenseId }),
  },
  { kind: 'query', field: 'me', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  {
    kind: 'query',
    field: 'merchantLicenseApplications',
    expect: m('U F ok F F F F'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'merchantOfferStandings',
    expect: m('U F ok F F F F'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'merchantLicenses',
    expect: m('U F ok F F F F'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'merchantProducts',
    expect: m('U F ok F F F ok'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'merchantSales',
    expect: m('U F ok F F F ok'),
    args: (x) => ({ merchantId: x.merchantA.organizationId, ...RANGE }),
  },
  {
    kind: 'query',
    field: 'merchantVenues',
    expect: m('U F ok F F F ok'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'organization',
    expect: m('U N ok N N N ok'),
    args: (x) => ({ id: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'organizationAuditTrail',
    expect: m('U F ok F F F ok'),
    args: (x) => ({ organizationId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'organizationMembers',
    expect: m('U F ok F F F F'),
    args: (x) => ({ organizationId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'pendingInvitations',
    expect: m('U F ok F F F F'),
    args: (x) => ({ organizationId: x.merchantA.organizationId }),
  },
  { kind: 'query', field: 'platformFeeRevenue', expect: m('U F F F F F ok'), args: () => RANGE },
  { kind: 'query', field: 'product', expect: m('N N ok N N N ok'), args: (x) => ({ id: x.draft.id }) },
  {
    // The IP's studio and merchants holding an ACTIVE license on it (merchant A), nobody else, not even the platform.
    kind: 'query',
    field: 'brandAssets',
    expect: m('U F ok F ok F F'),
    args: (x) => ({ filmIpId: x.l.filmIpId }),
  },
  {
    kind: 'query',
    field: 'productAuditTrail',
    expect: m('U N ok N ok N ok'),
    args: (x) => ({ productId: x.published.id }),
  },
  { kind: 'query', field: 'reconciliation', expect: m('U F F F F F ok'), args: () => RANGE },
  { kind: 'query', field: 'salesReports', expect: m('U N ok N ok N N'), args: (x) => ({ licenseId: x.l.licenseId }) },
  {
    kind: 'query',
    field: 'studioSalesReports',
    expect: m('U F F F ok F F'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  {
    kind: 'query',
    field: 'missingSalesReports',
    expect: m('U F F F ok F F'),
    args: (x) => ({ organizationId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'royaltyReport', expect: m('U F F F ok F F'), args: STUDIO_REPORT },
  { kind: 'query', field: 'royaltyReportLines', expect: m('U F F F ok F F'), args: STUDIO_REPORT },
  { kind: 'query', field: 'royaltySeries', expect: m('U F F F ok F F'), args: STUDIO_REPORT },
  { kind: 'query', field: 'royaltyStatement', expect: m('U N N N ok N ok'), args: (x) => ({ id: x.statementId }) },
  {
    kind: 'query',
    field: 'royaltyStatements',
    expect: m('U F F F ok F ok'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'searchProducts', expect: m('ok ok ok ok ok ok ok'), args: () => ({ text: 'lantern' }) },
  {
    kind: 'query',
    field: 'studioLicenseOffers',
    expect: m('U F F F ok F F'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  {
    kind: 'query',
    field: 'studioLicenses',
    expect: m('U F F F ok F F'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  {
    kind: 'query',
    field: 'studioProducts',
    expect: m('U F F F ok F ok'),
    args: (x) => ({ studioId: x.studioA.organizationId }),
  },
  { kind: 'query', field: 'venue', expect: m('U N ok N N N ok'), args: (x) => ({ id: x.venueId }) },
  // Proof of license is public: anyone holding a published product's code (its QR) sees who licensed whom.
  {
    kind: 'query',
    field: 'verifyProduct',
    expect: m('ok ok ok ok ok ok ok'),
    fresh: verificationCodeOfPublished,
    args: (_, fr) => ({ code: fr['code'] }),
  },

  {
    kind: 'query',
    field: 'payoutAccount',
    expect: m('U N ok N N N ok'),
    args: (x) => ({ organizationId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'payouts',
    expect: m('U F ok F F F ok'),
    args: (x) => ({ organizationId: x.merchantA.organizationId }),
  },
  { kind: 'query', field: 'paymentSettings', expect: m('ok ok ok ok ok ok ok'), args: () => ({}) },

  { kind: 'query', field: 'cart', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  { kind: 'query', field: 'devNotifications', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  {
    kind: 'query',
    field: 'merchantOrders',
    expect: m('U F ok F F F F'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  {
    kind: 'query',
    field: 'merchantRefundRequests',
    expect: m('U F ok F F F F'),
    args: (x) => ({ merchantId: x.merchantA.organizationId }),
  },
  { kind: 'query', field: 'myFavourites', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  {
    kind: 'query',
    field: 'productRatings',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ productIds: [x.published.id, x.draft.id] }),
  },
  { kind: 'query', field: 'reportedReviews', expect: m('U F F F F F ok'), args: () => ({}) },
  { kind: 'query', field: 'myOrders', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  { kind: 'query', field: 'myAddresses', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  {
    kind: 'query',
    field: 'deliveryOptions',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ merchantIds: [x.merchantA.organizationId] }),
  },
  { kind: 'query', field: 'orderCalendar', expect: m('U ok N N N N N'), args: (x) => ({ orderId: x.paidOrder.id }) },
  { kind: 'query', field: 'order', expect: m('U ok N N N N N'), args: (x) => ({ id: x.paidOrder.id }) },
  {
    kind: 'query',
    field: 'venueGuests',
    expect: m('U N ok N N N F'),
    args: (x) => ({ venueId: x.venueId, date: '2030-06-01' }),
  },

  // ---- mutations
  {
    // A link addressed to the visitor, from an organization of its own: only the visitor (signed in with that
    // verified address) may use it; holding someone else's link is FORBIDDEN.
    kind: 'mutation',
    field: 'acceptInvitation',
    expect: m('U ok F F F F F'),
    fresh: async () => {
      const inviter = await organizationOwner(t, 'MERCHANT', 'Inviting shop');
      await ok(
        t.gql(
          `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }`,
          { i: { organizationId: inviter.organizationId, email: f.visitor.email } },
          inviter.token,
        ),
        'inviteMember',
      );
      return { token: await emailedToken(t, 'INVITATION', f.visitor.email) };
    },
    args: (_, fr) => ({ token: fr['token'] }),
  },
  {
    kind: 'mutation',
    field: 'addToCart',
    expect: m('U ok ok ok ok ok ok'),
    args: (x) => ({ line: { variantId: x.shopVariantId, quantity: 1 } }),
  },
  {
    kind: 'mutation',
    field: 'cancelOrder',
    expect: m('U ok ok N N N N'),
    fresh: () => freshOrder(false),
    args: (_, fr) => ({ orderId: fr['orderId'] }),
  },
  {
    kind: 'mutation',
    field: 'checkout',
    expect: m('U ok ok ok ok ok ok'),
    args: (x) => ({ input: { idempotencyKey: randomUUID(), lines: [{ variantId: x.shopVariantId, quantity: 1 }] } }),
  },
  {
    kind: 'mutation',
    field: 'devConfirmPayment',
    expect: m('U ok N N N N N'),
    fresh: () => freshOrder(false),
    args: (_, fr) => ({ orderId: fr['orderId'] }),
  },
  {
    kind: 'mutation',
    field: 'fulfilOrderLine',
    expect: m('U N ok N N N N'),
    fresh: () => freshOrder(true),
    args: (_, fr) => ({ orderLineId: fr['lineId'], fulfilment: 'SHIPPED' }),
  },
  {
    kind: 'mutation',
    field: 'setDeliveryOptions',
    expect: m('U F ok F F F F'),
    args: (x) => ({
      input: {
        merchantId: x.merchantA.organizationId,
        pickup: true,
        ship: true,
        shippingFee: { amountMinor: 1000, currency: 'CNY' },
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'shipOrderLines',
    expect: m('U N ok N N N N'),
    fresh: () => freshShipOrder(),
    args: (_, fr) => ({
      input: { orderId: fr['orderId'], lineIds: [fr['lineId']], carrier: 'SF Express', trackingNumber: 'SF1234567890' },
    }),
  },
  {
    kind: 'mutation',
    field: 'handOverPickup',
    expect: m('U N ok N N N N'),
    fresh: () => freshPickup(),
    args: (_, fr) => ({ code: fr['code'] }),
  },
  {
    kind: 'mutation',
    field: 'redeemTicket',
    expect: m('U N ok N N N N'),
    fresh: () => freshOrder(true, 'ticket'),
    args: (_, fr) => ({ code: fr['code'] }),
  },
  {
    kind: 'mutation',
    field: 'refundOrderLine',
    expect: m('U N ok N N N ok'),
    fresh: () => freshOrder(true),
    args: (_, fr) => ({ orderLineId: fr['lineId'] }),
  },
  {
    kind: 'mutation',
    field: 'requestRefund',
    expect: m('U ok N N N N N'),
    fresh: () => freshOrder(true),
    args: (_, fr) => ({ input: { orderLineId: fr['lineId'], reason: 'Arrived broken' } }),
  },
  {
    kind: 'mutation',
    field: 'decideRefundRequest',
    expect: m('U N ok N N N N'),
    fresh: freshRefundRequest,
    args: (_, fr) => ({ input: { id: fr['id'], approve: true } }),
  },
  {
    kind: 'mutation',
    field: 'reviewOrderLine',
    expect: m('U ok N N N N N'),
    fresh: freshShippedLine,
    args: (_, fr) => ({ input: { orderLineId: fr['lineId'], rating: 5, text: 'Lovely' } }),
  },
  {
    kind: 'mutation',
    field: 'replyToReview',
    expect: m('U N ok N N N N'),
    fresh: freshReview,
    args: (_, fr) => ({ input: { reviewId: fr['id'], text: 'Thank you' } }),
  },
  // Anyone signed in may report a review to the platform, the merchant and the review's own author included.
  {
    kind: 'mutation',
    field: 'reportReview',
    expect: m('U ok ok ok ok ok ok'),
    fresh: freshReview,
    args: (_, fr) => ({ input: { reviewId: fr['id'], reason: 'Abusive' } }),
  },
  // Anyone signed in saves a product the shop shows.
  {
    kind: 'mutation',
    field: 'setFavourite',
    expect: m('U ok ok ok ok ok ok'),
    args: (x) => ({ productId: x.published.id, favourite: true }),
  },
  {
    kind: 'mutation',
    field: 'updateCartLine',
    expect: m('U ok N N N N N'),
    args: (x) => ({ cartLineId: x.cartLineId, quantity: 2 }),
  },
  {
    kind: 'mutation',
    field: 'addTimeSlot',
    expect: m('U N ok N N N F'),
    args: (x, _, cell) => {
      const startsAt = new Date(Date.UTC(2031, 0, 1 + cell, 2));
      return {
        input: {
          experienceId: x.experienceId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          capacity: 5,
        },
      };
    },
  },
  {
    kind: 'mutation',
    field: 'addWeeklyTimeSlots',
    expect: m('U N ok N N N F'),
    args: (x, _, cell) => ({
      input: {
        experienceId: x.experienceId,
        fromDate: `2032-0${cell + 1}-01`,
        toDate: `2032-0${cell + 1}-14`,
        startTime: '10:00',
        weekdays: [6],
        durationMinutes: 60,
        capacity: 5,
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'adjustStock',
    expect: m('U F ok F F F F'),
    args: (x) => ({ input: { variantId: x.published.variants[0]!.id, reason: 'RESTOCK', quantity: 1 } }),
  },
  {
    kind: 'mutation',
    field: 'applyForLicense',
    expect: m('U F ok F F F F'),
    fresh: async () => ({ offerId: await publishOffer(t, f.studioA, f.l.filmIpId) }),
    args: (x, fr) => ({
      input: { offerId: fr['offerId'], merchantId: x.merchantA.organizationId, pitch: 'Let us make caps.' },
    }),
  },
  {
    kind: 'mutation',
    field: 'approveLicenseApplication',
    expect: m('U N F N ok N N'),
    fresh: freshApplication,
    args: (_, fr) => ({ id: fr['id'] }),
  },
  {
    kind: 'mutation',
    field: 'addBrandAsset',
    expect: m('U F F F ok F F'),
    fresh: (_, cell) => freshPrivateUpload(cell),
    args: (x, fr, cell) => ({ input: { filmIpId: x.l.filmIpId, mediaId: fr['mediaId'], title: `Key art ${cell}` } }),
  },
  {
    kind: 'mutation',
    field: 'approveProduct',
    expect: m('U N F N ok N F'),
    fresh: () => freshProduct('pending'),
    args: (_, fr) => ({ productId: fr['productId'] }),
  },
  {
    kind: 'mutation',
    field: 'changeTimeSlotCapacity',
    expect: m('U N ok N N N F'),
    args: (x) => ({ input: { timeSlotId: x.slotId, delta: 1 } }),
  },
  {
    kind: 'mutation',
    field: 'closeLicenseOffer',
    expect: m('U F F F ok F F'),
    fresh: async () => ({ id: await publishOffer(t, f.studioA, f.l.filmIpId) }),
    args: (_, fr) => ({ id: fr['id'] }),
  },
  {
    kind: 'mutation',
    field: 'createExperience',
    expect: m('U N ok N N N N'),
    args: (x) => ({
      input: {
        licenseId: x.l.licenseId,
        venueId: x.venueId,
        category: 'TOUR',
        name: 'Night walk',
        ticketTypes: [{ name: 'Adult', price: { amountMinor: 5000, currency: 'CNY' } }],
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'createFilmIp',
    expect: m('U F F F ok F F'),
    args: (x) => ({ input: { studioId: x.studioA.organizationId, title: 'Sequel' } }),
  },
  {
    kind: 'mutation',
    field: 'createMerchandise',
    expect: m('U N ok N N N N'),
    args: (x) => ({
      input: {
        licenseId: x.l.licenseId,
        category: 'APPAREL',
        name: 'Cap',
        variants: [{ sku: sku('M'), price: { amountMinor: 3000, currency: 'CNY' }, stock: 3 }],
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'createOrganization',
    expect: m('U ok ok ok ok ok ok'),
    args: () => ({ input: { kind: 'MERCHANT', name: 'Side shop' } }),
  },
  {
    kind: 'mutation',
    field: 'createVenue',
    expect: m('U F ok F F F F'),
    args: (x) => ({ input: { merchantId: x.merchantA.organizationId, name: 'Barn', latitude: 31, longitude: 121.2 } }),
  },
  {
    kind: 'mutation',
    field: 'inviteMember',
    expect: m('U F ok F F F F'),
    args: (x) => ({ input: { organizationId: x.merchantA.organizationId, email: uniqueEmail('invitee') } }),
  },
  {
    kind: 'mutation',
    field: 'submitSalesReport',
    // Only the license's merchant reports; its studio is a party (FORBIDDEN), anyone else is not shown the license.
    expect: m('U N ok N F N N'),
    args: (x, _, cell) => ({
      input: {
        licenseId: x.l.licenseId,
        month: `2021-0${cell + 1}`,
        lines: [{ productId: x.published.id, channel: 'VENUE', quantity: 1, gross: { amountMinor: 1_000 } }],
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'decideSalesReport',
    // Only the license's studio decides; its merchant is a party (FORBIDDEN).
    expect: m('U N F N ok N N'),
    fresh: freshSalesReport,
    args: (_, fr) => ({ input: { id: fr['id'], accept: true } }),
  },
  {
    kind: 'mutation',
    field: 'issueRoyaltyStatement',
    expect: m('U F F F ok F ok'),
    args: (x, _, cell) => ({ studioId: x.studioA.organizationId, month: `${MONTH_BASE}-0${cell + 1}` }),
  },
  {
    kind: 'mutation',
    field: 'reissueRoyaltyStatement',
    expect: m('U F F F ok F ok'),
    // A month of 2019 issued per cell, so every caller finds a statement to re-issue (and the fixture's stays live).
    fresh: async (x, cell) => {
      const month = `2019-0${cell + 1}`;
      await ok(
        t.gql(
          `mutation($s: ID!, $m: String!) { issueRoyaltyStatement(studioId: $s, month: $m) { id } }`,
          { s: x.studioA.organizationId, m: month },
          x.studioA.token,
        ),
        'issueRoyaltyStatement',
      );
      return { month };
    },
    args: (x, fresh) => ({ studioId: x.studioA.organizationId, month: fresh.month }),
  },
  {
    kind: 'mutation',
    field: 'linkFilmingLocation',
    expect: m('U F F F ok F F'),
    fresh: async () => {
      const otherIp = await createFilmIp(t, f.studioA, `Other ${randomUUID().slice(0, 6)}`);
      const loc = await ok<{ id: string }>(
        t.gql(
          `mutation($i: RecordFilmingLocationInput!) { recordFilmingLocation(input: $i) { id } }`,
          {
            i: { filmIpId: otherIp, nameEn: 'Old mill', latitude: 31.01, longitude: 121.22 },
          },
          f.studioA.token,
        ),
        'recordFilmingLocation',
      );
      return { locationId: loc.id };
    },
    args: (x, fr) => ({ filmIpId: x.l.filmIpId, filmingLocationId: fr['locationId'] }),
  },
  {
    kind: 'mutation',
    field: 'logIn',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ input: { email: x.visitor.email, password: PASSWORD } }),
  },
  {
    kind: 'mutation',
    field: 'logOut',
    expect: m('ok ok ok ok ok ok ok'),
    fresh: () => logInFresh(),
    args: (_, fr) => ({ refreshToken: fr['refreshToken'] }),
  },
  {
    kind: 'mutation',
    field: 'payMerchantOrder',
    expect: m('U F N F F F N'),
    args: (x) => ({ merchantId: x.merchantA.organizationId, orderId: randomUUID() }),
  },
  {
    kind: 'mutation',
    field: 'payRoyaltyStatement',
    expect: m('U N N N C N C'),
    args: (x) => ({ statementId: x.statementId }),
  },
  {
    kind: 'mutation',
    field: 'publishLicenseOffer',
    expect: m('U F F F ok F F'),
    args: (x) => ({
      input: {
        filmIpId: x.l.filmIpId,
        royaltyBps: 800,
        categories: ['APPAREL'],
        startsOn: '2030-01-01',
        endsOn: '2030-12-31',
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'publishProduct',
    expect: m('U N ok N F N F'),
    fresh: () => freshProduct('approved'),
    args: (_, fr) => ({ productId: fr['productId'] }),
  },
  {
    kind: 'mutation',
    field: 'recordFilmingLocation',
    expect: m('U F F F ok F F'),
    args: (x) => ({ input: { filmIpId: x.l.filmIpId, nameEn: 'River bend', latitude: 31.02, longitude: 121.23 } }),
  },
  {
    kind: 'mutation',
    field: 'recordLicenseTerms',
    expect: m('U F F F F F ok'),
    fresh: () => freshLicense(),
    args: (x, fr) => ({
      input: {
        licenseId: fr['id'],
        studioId: x.studioA.organizationId,
        merchantId: x.merchantA.organizationId,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    }),
  },
  {
    kind: 'mutation',
    field: 'refreshToken',
    expect: m('ok ok ok ok ok ok ok'),
    fresh: () => logInFresh(),
    args: (_, fr) => ({ refreshToken: fr['refreshToken'] }),
  },
  { kind: 'mutation', field: 'runDuePayouts', expect: m('U F F F F F ok'), args: () => ({}) },
  { kind: 'mutation', field: 'reindexSearch', expect: m('U F F F F F ok'), args: () => ({}) },
  {
    kind: 'mutation',
    field: 'rejectLicenseApplication',
    expect: m('U N F N ok N N'),
    fresh: freshApplication,
    args: (_, fr) => ({ id: fr['id'], reason: 'Not this season' }),
  },
  {
    kind: 'mutation',
    field: 'rejectProduct',
    expect: m('U N F N ok N F'),
    fresh: () => freshProduct('pending'),
    args: (_, fr) => ({ productId: fr['productId'], comments: 'Colours are off' }),
  },
  {
    kind: 'mutation',
    field: 'requestDesignChanges',
    expect: m('U N F N ok N F'),
    fresh: () => freshProduct('pending'),
    args: (_, fr) => ({ productId: fr['productId'], comments: 'Use the official red' }),
  },
  {
    kind: 'mutation',
    field: 'resumeLicense',
    expect: m('U N F N ok N N'),
    fresh: () => freshLicense('SUSPENDED'),
    args: (_, fr) => ({ id: fr['id'] }),
  },
  {
    kind: 'mutation',
    field: 'setMerchantPlatformFee',
    expect: m('U F F F F F ok'),
    args: (x) => ({ merchantId: x.merchantA.organizationId, feeBps: 900 }),
  },
  {
    kind: 'mutation',
    field: 'setPayoutAccount',
    expect: m('U F ok F F F F'),
    args: (x) => ({ organizationId: x.merchantA.organizationId, payoutAccountId: 'acct_1Nv0FGQ9RKHgCVdK' }),
  },
  {
    kind: 'mutation',
    field: 'setFilmIpKeyArt',
    expect: m('U F F F ok F F'),
    fresh: (_, cell) => freshStudioImage(cell),
    args: (x, fr) => ({ filmIpId: x.l.filmIpId, mediaId: fr['mediaId'] }),
  },
  {
    kind: 'mutation',
    field: 'setOrganizationLogo',
    expect: m('U F ok F F F F'),
    fresh: (_, cell) => freshGallery(600 + cell),
    args: (x, fr) => ({ organizationId: x.merchantA.organizationId, mediaId: fr['mediaId'] }),
  },
  {
    kind: 'mutation',
    field: 'setProductMedia',
    expect: m('U N ok N N N F'),
    fresh: (_, cell) => freshGallery(cell),
    args: (_, fr) => ({ productId: fr['productId'], mediaIds: [fr['mediaId']] }),
  },
  {
    kind: 'mutation',
    field: 'setVenuePhotos',
    expect: m('U N ok N N N N'),
    fresh: (_, cell) => freshGallery(500 + cell),
    args: (x, fr) => ({ venueId: x.venueId, mediaIds: [fr['mediaId']] }),
  },
  {
    kind: 'mutation',
    field: 'setTimeSlotStatus',
    expect: m('U N ok N N N F'),
    fresh: async (_, cell) => ({
      id: (await addSlot(t, f.l, f.experienceId, new Date(Date.UTC(2033, 0, 1 + cell, 2)))).id,
    }),
    args: (_, fr) => ({ timeSlotId: fr['id'], status: 'CLOSED' }),
  },
  {
    kind: 'mutation',
    field: 'setVariantPrice',
    expect: m('U F ok F F F F'),
    args: (x, _, cell) => ({
      input: { variantId: x.published.variants[0]!.id, price: { amountMinor: 9000 + cell, currency: 'CNY' } },
    }),
  },
  { kind: 'mutation', field: 'resendVerificationEmail', expect: m('U ok ok ok ok ok ok'), args: () => ({}) },
  {
    // Public: the link is the credential. Each cell follows the link of a sign-up of its own.
    kind: 'mutation',
    field: 'verifyEmail',
    expect: m('ok ok ok ok ok ok ok'),
    fresh: async () => {
      const { email } = await signUpUnverified(t, 'matrix-verify');
      return { token: await emailedToken(t, 'EMAIL_VERIFICATION', email) };
    },
    args: (_, fr) => ({ token: fr['token'] }),
  },
  {
    kind: 'mutation',
    field: 'signUp',
    expect: m('ok ok ok ok ok ok ok'),
    args: () => ({ input: { email: uniqueEmail('matrix'), password: PASSWORD, displayName: 'Matrix' } }),
  },
  {
    kind: 'mutation',
    field: 'submitProductForApproval',
    expect: m('U N ok N N N F'),
    fresh: () => freshProduct('draft'),
    args: (_, fr) => ({ productId: fr['productId'] }),
  },
  {
    kind: 'mutation',
    field: 'submitDesignRound',
    expect: m('U N ok N N N F'),
    fresh: (_, cell) => freshDesignRound(cell),
    args: (_, fr) => ({ input: { productId: fr['productId'], artworkMediaIds: [fr['mediaId']], note: 'Round one' } }),
  },
  {
    kind: 'mutation',
    field: 'suspendLicense',
    expect: m('U N F N ok N N'),
    fresh: () => freshLicense(),
    args: (_, fr) => ({ id: fr['id'], reason: 'Audit' }),
  },
  {
    kind: 'mutation',
    field: 'terminateLicense',
    expect: m('U N F N ok N N'),
    fresh: () => freshLicense(),
    args: (_, fr) => ({ id: fr['id'], reason: 'Breach' }),
  },
  {
    kind: 'mutation',
    field: 'unpublishProduct',
    expect: m('U F ok F F F F'),
    fresh: () => freshProduct('published'),
    args: (_, fr) => ({ productId: fr['productId'] }),
  },
  {
    kind: 'mutation',
    field: 'updateFilmIp',
    expect: m('U F F F ok F F'),
    args: (x, _, cell) => ({ id: x.l.filmIpId, input: { synopsis: `Told again ${cell}` } }),
  },
  {
    kind: 'mutation',
    field: 'updateProduct',
    expect: m('U N ok N N N F'),
    args: (x, _, cell) => ({ input: { productId: x.draft.id, description: `Soft cotton ${cell}` } }),
  },
  {
    kind: 'mutation',
    field: 'updateVenue',
    expect: m('U N ok N N N N'),
    args: (x, _, cell) => ({ input: { venueId: x.venueId, openingNotes: `Open daily ${cell}` } }),
  },
  {
    kind: 'mutation',
    field: 'withdrawLicenseApplication',
    expect: m('U N ok N F N N'),
    fresh: freshApplication,
    args: (_, fr) => ({ id: fr['id'] }),
  },
];

/** Further rows on other objects of A, where one object cannot show every rule. */
const EXTRA_ROWS: (Row & { name: string })[] = [
  {
    name: 'verifyProduct (unknown code)',
    kind: 'query',
    field: 'verifyProduct',
    expect: m('N N N N N N N'),
    args: () => ({ code: 'AAAAAAAAAAAAAAAAAAAA' }),
  },
  {
    name: 'product (published)',
    kind: 'query',
    field: 'product',
    expect: m('ok ok ok ok ok ok ok'),
    args: (x) => ({ id: x.published.id }),
  },
  {
    name: 'product (pending approval)',
    kind: 'query',
    field: 'product',
    expect: m('N N ok N ok N ok'),
    args: (x) => ({ id: x.pending.id }),
  },
  {
    name: 'licenseOffer (closed)',
    kind: 'query',
    field: 'licenseOffer',
    expect: m('N N N N ok N ok'),
    args: (x) => ({ id: x.closedOfferId }),
  },
];

async function logInFresh(): Promise<{ refreshToken: string }> {
  const res = await t.gql(
    `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { refreshToken } }`,
    {
      e: f.visitor.email,
      p: PASSWORD,
    },
  );
  const refreshToken = (res.data?.['logIn'] as { refreshToken?: string } | undefined)?.refreshToken;
  if (!refreshToken) throw new Error(`logIn failed: ${JSON.stringify(res.errors)}`);
  return { refreshToken };
}

function verdict(res: GqlResult, field: string): Outcome | string {
  const value = res.data?.[field];
  if (!res.errors?.length && value !== undefined && value !== null) return 'ALLOW';
  const code = res.errors?.[0]?.extensions?.code ?? 'NO_CODE';
  if (value !== undefined && value !== null) return `LEAK(${code} with data)`;
  return code;
}

const results: string[] = [];
let cells = 0;

describe('authorization matrix', () => {
  beforeAll(async () => {
    t = await startTestApp({ env: { OPEN_ORDERS_PER_ACCOUNT: '1000' } });
    const [studioA, studioB, merchantA, merchantB, visitor, platform] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Studio A'),
      organizationOwner(t, 'STUDIO', 'Studio B'),
      organizationOwner(t, 'MERCHANT', 'Merchant A'),
      organizationOwner(t, 'MERCHANT', 'Merchant B'),
      signUp(t, 'visitor'),
      platformAdmin(t),
    ]);
    const filmIpId = await createFilmIp(t, studioA, 'Lotus Lantern', '宝莲灯');
    const granted = await grantLicense(t, studioA, merchantA, {
      filmIpId,
      categories: ['APPAREL', 'COLLECTIBLE', 'TOUR'],
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    const l: Licensed = { studio: studioA, merchant: merchantA, filmIpId, licenseId: granted.licenseId };
    const closedOfferId = await publishOffer(t, studioA, filmIpId);
    await ok(
      t.gql(`mutation($id: ID!) { closeLicenseOffer(id: $id) { id } }`, { id: closedOfferId }, studioA.token),
      'closeLicenseOffer',
    );
    const location = await ok<{ id: string }>(
      t.gql(
        `mutation($i: RecordFilmingLocationInput!) { recordFilmingLocation(input: $i) { id } }`,
        {
          i: { filmIpId, nameEn: 'Xinshe Ranch', nameZh: '新社牧场', latitude: 30.98, longitude: 121.3 },
        },
        studioA.token,
      ),
      'recordFilmingLocation',
    );
    await ok(
      t.gql(
        `mutation($i: RecordLicenseTermsInput!) { recordLicenseTerms(input: $i) { licenseId } }`,
        {
          i: {
            licenseId: l.licenseId,
            studioId: studioA.organizationId,
            merchantId: merchantA.organizationId,
            startsOn: '2020-01-01',
            endsOn: '2099-12-31',
          },
        },
        platform.token,
      ),
      'recordLicenseTerms',
    );
    const published = await createMerchandise(t, l, { name: 'Lantern tee' });
    await approveAndPublish(t, l, published.id);
    const draft = await createMerchandise(t, l, { name: 'Lantern mug draft' });
    const pending = await createMerchandise(t, l, { name: 'Lantern pin pending' });
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: pending.id }, merchantA.token),
      'submitProductForApproval',
    );
    const venue = await createVenue(t, merchantA);
    const experience = await createExperience(t, l, venue.id);
    const slot = await addSlot(t, l, experience.id, new Date(Date.UTC(2030, 5, 1, 2)));
    // A second, published experience at the same venue sells the tickets (the first stays unpublished for its rows).
    // Its slot starts within the hour, so its tickets are redeemable now (from two hours before the start).
    const tour = await createExperience(t, l, venue.id, { name: 'Ranch night tour' });
    const tourSlot = await addSlot(t, l, tour.id, new Date(t.clock.now().getTime() + 45 * 60_000), 200);
    await approveAndPublish(t, l, tour.id);
    const shop = await createMerchandise(t, l, { name: 'Lantern keyring', stock: 500 });
    await approveAndPublish(t, l, shop.id);
    await ok(
      t.gql(
        `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { email } }`,
        { i: { organizationId: merchantA.organizationId, email: uniqueEmail('pending') } },
        merchantA.token,
      ),
      'inviteMember',
    );
    const statement = await ok<{ id: string }>(
      t.gql(
        `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2019-12") { id } }`,
        { s: studioA.organizationId },
        studioA.token,
      ),
      'issueRoyaltyStatement',
    );
    f = {
      studioA,
      studioB,
      merchantA,
      merchantB,
      visitor,
      platform,
      l,
      offerId: granted.offerId,
      closedOfferId,
      applicationId: granted.applicationId,
      locationId: location.id,
      published,
      draft,
      pending: { id: pending.id },
      venueId: venue.id,
      experienceId: experience.id,
      slotId: slot.id,
      statementId: statement.id,
      shopVariantId: shop.variants[0]!.id,
      ticketTypeId: tour.ticketTypes[0]!.id,
      ticketSlotId: tourSlot.id,
      paidOrder: { id: '', lineId: '' },
      cartLineId: '',
    };
    const paid = await freshOrder(true);
    f.paidOrder = { id: paid.orderId, lineId: paid.lineId };
    const cart = await ok<{ lines: { id: string }[] }>(
      t.gql(
        `mutation($l: CheckoutLineInput!) { addToCart(line: $l) { lines { id } } }`,
        { l: { variantId: f.shopVariantId, quantity: 1 } },
        visitor.token,
      ),
      'addToCart',
    );
    f.cartLineId = cart.lines[0]!.id;
  });

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`authorization matrix: ${cells} cells\n${results.join('\n')}`);
    await t?.close();
  });

  it('has a row for every query and mutation of the schema (100% of operations)', () => {
    const { queries, mutations } = operations(t);
    const covered = new Set(ROWS.map((r) => `${r.kind}.${r.field}`));
    const all = [...[...queries.keys()].map((q) => `query.${q}`), ...[...mutations.keys()].map((m) => `mutation.${m}`)];
    const missing = all.filter((op) => !covered.has(op));
    const stale = [...covered].filter((op) => !all.includes(op));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    results.unshift(
      `operations covered: ${all.length}/${all.length} (${queries.size} queries, ${mutations.size} mutations) x ${ACTORS.length} actors`,
    );
  });

  it.each([...ROWS.map((r) => ({ ...r, name: `${r.kind} ${r.field}` })), ...EXTRA_ROWS])('$name', async (row) => {
    const { queries, mutations } = operations(t);
    const field = (row.kind === 'query' ? queries : mutations).get(row.field);
    if (!field) throw new Error(`No ${row.kind} ${row.field} in the schema`);
    const wrong: string[] = [];
    const line: string[] = [];
    // Refused calls change nothing (checked below), so they share one fresh object; an allowed call gets its own.
    let shared: Record<string, any> | undefined;
    for (const [cell, actor] of ACTORS.entries()) {
      const expected = row.expect[actor];
      let fresh: Record<string, any> = {};
      if (row.fresh && (expected === 'ALLOW' || expected === 'CONFLICT')) fresh = await row.fresh(f, cell);
      else if (row.fresh) fresh = shared ??= await row.fresh(f, cell);
      const args = row.args(f, fresh, cell);
      // Queries are read-only by construction; a refused mutation is proven to have changed nothing.
      const before = expected === 'ALLOW' || row.kind === 'query' ? undefined : await databaseDigest(t);
      const res = await t.gql(documentFor(row.kind, field, args), args, tokenOf(actor));
      const got = verdict(res, row.field);
      cells += 1;
      line.push(`${actor}=${got === 'ALLOW' ? 'ok' : got}`);
      if (got !== expected)
        wrong.push(
          `${actor}: expected ${expected}, got ${got}${got === 'ALLOW' || expected === 'ALLOW' ? ` ${JSON.stringify(res.errors ?? res.data)}` : ''}`,
        );
      if (before) {
        const changed = changedTables(before, await databaseDigest(t));
        if (changed.length > 0) wrong.push(`${actor}: a refused call changed ${changed.join(', ')}`);
      }
    }
    results.push(`${row.name.padEnd(40)} ${line.join(' ')}`);
    expect(wrong).toEqual([]);
  });

  /**
   * Every field the schema offers resolves wherever its type appears: each operation, called by the first actor
   * allowed to (nobody signed in, for log-in, sign-up and refresh), with every field of its answer selected to a
   * bounded depth. A field resolver that works under one parent but not another (User.memberships needed a signed-in
   * caller, so logIn { user { memberships } } was INTERNAL) fails here. payMerchantOrder and payRoyaltyStatement have
   * no allowed cell in this fixture; their Payout answer is walked through the payouts query.
   */
  describe('every field of every answer resolves', () => {
    const callable = ROWS.filter((row) => ACTORS.some((a) => row.expect[a] === 'ALLOW')).map((row) => ({
      ...row,
      name: `${row.kind} ${row.field}`,
    }));

    it('walks every operation that has an allowed caller', () => {
      const walked = new Set(callable.map((row) => row.field));
      const { queries, mutations } = operations(t);
      const unwalked = [...queries.keys(), ...mutations.keys()].filter((name) => !walked.has(name));
      expect(unwalked.sort()).toEqual(['payMerchantOrder', 'payRoyaltyStatement']);
    });

    it.each(callable)('$name', async (row) => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const { queries, mutations } = operations(t);
      const field = (row.kind === 'query' ? queries : mutations).get(row.field)!;
      const actor = ACTORS.find((a) => row.expect[a] === 'ALLOW')!;
      // A cell past the matrix's own, so values built from the cell (dates, months) do not collide with its calls.
      const cell = ACTORS.length;
      const args = row.args(f, row.fresh ? await row.fresh(f, cell) : {}, cell);
      const named = getNamedType(field.type);
      const selection = isCompositeType(named) ? `{ ${everyField(schema, named)} }` : undefined;
      const res = await t.gql(documentFor(row.kind, field, args, selection), args, tokenOf(actor));
      expect({
        errors: res.errors ?? [],
        answered: res.data?.[row.field] !== undefined && res.data?.[row.field] !== null,
      }).toEqual({
        errors: [],
        answered: true,
      });
    });
  });

  describe('property level: a visitor never sees private fields or records', () => {
    it('public listings hold only open offers and published products', async () => {
      const offers = await t.gql(
        `query($s: ID) { licenseOffers(studioId: $s, first: 100) { edges { node { id status } } } }`,
        { s: f.studioA.organizationId },
        f.visitor.token,
      );
      const offerIds = offers.data?.['licenseOffers'].edges.map((e: any) => e.node.id) as string[];
      expect(offerIds).not.toContain(f.closedOfferId);
      expect(new Set(offers.data?.['licenseOffers'].edges.map((e: any) => e.node.status))).toEqual(new Set(['OPEN']));

      const search = await t.gql(`{ searchProducts(first: 100) { edges { node { id } } } }`, {}, f.visitor.token);
      const found = search.data?.['searchProducts'].edges.map((e: any) => e.node.id) as string[];
      expect(found).not.toContain(f.draft.id);
      expect(found).not.toContain(f.pending.id);
    });

    it("another merchant or studio never sees merchant A's application or its pitch through their own lists", async () => {
      const mine = await t.gql(
        `query($m: ID!) { merchantLicenseApplications(merchantId: $m, first: 100) { edges { node { id pitch } } } }`,
        { m: f.merchantB.organizationId },
        f.merchantB.token,
      );
      expect(mine.errors).toBeUndefined();
      expect(JSON.stringify(mine.data)).not.toContain(f.applicationId);
      const incoming = await t.gql(
        `query($s: ID!) { incomingLicenseApplications(studioId: $s, first: 100) { edges { node { id pitch } } } }`,
        { s: f.studioB.organizationId },
        f.studioB.token,
      );
      expect(incoming.errors).toBeUndefined();
      expect(JSON.stringify(incoming.data)).not.toMatch(/We make lovely things/);
    });

    it("a user's memberships are shown only to that user", async () => {
      const me = await t.gql(`{ me { id email memberships { organization { id } } } }`, {}, f.visitor.token);
      // The visitor may have founded an organization of its own in the matrix; never one of A's or the platform.
      expect(me.data?.['me']).toMatchObject({ id: f.visitor.userId, email: f.visitor.email });
      const orgIds = (me.data?.['me'].memberships as { organization: { id: string } }[]).map((x) => x.organization.id);
      expect(orgIds).not.toContain(f.merchantA.organizationId);
      expect(orgIds).not.toContain(f.studioA.organizationId);
      expect(orgIds).not.toContain(f.platform.organizationId);
    });

    it('a published product shows merchant A only by id, kind and name, and its variants carry no stock movements', async () => {
      const res = await t.gql(
        `query($id: ID!) { product(id: $id) { merchant { id kind name } variants { id } } }`,
        { id: f.published.id },
        f.visitor.token,
      );
      expect(res.data?.['product'].merchant).toEqual({
        id: f.merchantA.organizationId,
        kind: 'MERCHANT',
        name: 'Merchant A',
      });
      const { queries } = operations(t);
      const variantFields = Object.keys(
        (t.app.get(GraphQLSchemaHost).schema.getType('ProductVariant') as GraphQLObjectType).getFields(),
      );
      expect(variantFields).not.toContain('stockMovements');
      expect(queries.has('product')).toBe(true);
    });
  });
});
