import { LicenseStatus } from '@chedun/kernel';
import { contractOperation } from './support/contract';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  licensedMerchant,
  Licensed,
  ok,
  setLicenseStatus,
  sku,
} from './support/catalog';
import { organizationOwner, PASSWORD, signUp } from './support/parties';
import { countQueries } from './support/query-count';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const PRODUCT = `query($id: ID!) {
  product(id: $id) {
    id kind status statusReason name nameZh category
    variants { id sku stock available price { amountMinor currency } }
    ticketTypes { id name price { amountMinor } }
    upcomingTimeSlots { id startsAt capacity remaining status }
    venue { id name nameZh }
    filmIp { id title titleZh }
    studio { id name }
    merchant { id name }
    priceFrom { amountMinor currency }
  }
}`;
const UPDATE = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { id status name } }`;
const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { variant { stock available } movement { delta reason stockAfter } } }`;
const REJECT = `mutation($id: ID!, $comments: String!) { rejectProduct(productId: $id, comments: $comments) { id status statusReason } }`;
const MERCHANT_PRODUCTS = `query($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {
  merchantProducts(merchantId: $merchantId, filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id name status kind variants { sku } priceFrom { amountMinor } merchant { name } filmIp { title } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('catalog', () => {
  let t: TestApp;
  let l: Licensed;
  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
  });
  afterAll(() => t.close());

  describe('contract operations', () => {
    it('creates merchandise with variants as a DRAFT', async () => {
      const s = sku('TEE');
      const res = await t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: l.licenseId,
          category: 'APPAREL',
          name: 'Lotus Lantern T-shirt',
          nameZh: '宝莲灯T恤',
          description: 'Cotton',
          variants: [{ sku: s, price: { amountMinor: 9900, currency: 'CNY' }, stock: 12 }],
        },
        l.merchant.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createMerchandise).toMatchObject({
        status: 'DRAFT',
        variants: [{ sku: s, stock: 12, price: { amountMinor: 9900, currency: 'CNY' } }],
      });
      const [movement] = await t.sql(`SELECT reason, delta FROM stock_movements WHERE variant_id = $1`, [
        res.data?.createMerchandise.variants[0].id,
      ]);
      expect(movement).toEqual({ reason: 'INITIAL', delta: 12 });
    });

    it('creates a venue, an experience with ticket types, and a slot with remaining seats', async () => {
      const venue = await t.gql(
        contractOperation('CreateVenue'),
        {
          merchantId: l.merchant.organizationId,
          name: 'Xinshe Ranch',
          nameZh: '新社牧场',
          latitude: 30.98,
          longitude: 121.3,
        },
        l.merchant.token,
      );
      expect(venue.data?.createVenue).toMatchObject({ name: 'Xinshe Ranch' });
      const exp = await t.gql(
        contractOperation('CreateExperience'),
        {
          licenseId: l.licenseId,
          venueId: venue.data?.createVenue.id,
          category: 'TOUR',
          name: 'Ranch tour',
          nameZh: '农场之旅',
          description: 'Two hours on the ranch',
          ticketTypes: [
            { name: 'Adult', price: { amountMinor: 12000, currency: 'CNY' } },
            { name: 'Child', price: { amountMinor: 6000, currency: 'CNY' } },
          ],
        },
        l.merchant.token,
      );
      expect(exp.errors).toBeUndefined();
      expect(exp.data?.createExperience.ticketTypes.map((tt: any) => [tt.name, tt.price.amountMinor])).toEqual([
        ['Adult', 12000],
        ['Child', 6000],
      ]);
      const start = new Date(t.clock.now().getTime() + 3 * 86_400_000);
      const slot = await t.gql(
        contractOperation('AddTimeSlot'),
        {
          experienceId: exp.data?.createExperience.id,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
          capacity: 25,
        },
        l.merchant.token,
      );
      expect(slot.errors).toBeUndefined();
      expect(slot.data?.addTimeSlot).toMatchObject({ capacity: 25, remaining: 25 });
    });

    it('walks DRAFT → PENDING_APPROVAL → APPROVED → PUBLISHED and refuses skipped steps', async () => {
      const p = await createMerchandise(t, l);
      expect(errorCode(await t.gql(contractOperation('PublishProduct'), { productId: p.id }, l.merchant.token))).toBe(
        'CONFLICT',
      );
      expect(errorCode(await t.gql(contractOperation('ApproveProduct'), { productId: p.id }, l.studio.token))).toBe(
        'NOT_FOUND',
      );
      const submitted = await t.gql(
        contractOperation('SubmitProductForApproval'),
        { productId: p.id },
        l.merchant.token,
      );
      expect(submitted.data?.submitProductForApproval).toEqual({ id: p.id, status: 'PENDING_APPROVAL' });
      expect(errorCode(await t.gql(contractOperation('ApproveProduct'), { productId: p.id }, l.merchant.token))).toBe(
        'FORBIDDEN',
      );
      const approved = await t.gql(contractOperation('ApproveProduct'), { productId: p.id }, l.studio.token);
      expect(approved.data?.approveProduct).toEqual({ id: p.id, status: 'APPROVED' });
      expect(errorCode(await t.gql(contractOperation('PublishProduct'), { productId: p.id }, l.studio.token))).toBe(
        'FORBIDDEN',
      );
      const published = await t.gql(contractOperation('PublishProduct'), { productId: p.id }, l.merchant.token);
      expect(published.data?.publishProduct).toEqual({ id: p.id, status: 'PUBLISHED' });
    });
  });

  describe('validation', () => {
    it.each([
      ['an empty name', { name: '' }],
      ['a name over 120 characters', { name: 'x'.repeat(121) }],
      ['no variants', { variants: [] }],
      ['a zero price', { variants: [{ sku: 'Z-1', price: { amountMinor: 0, currency: 'CNY' }, stock: 1 }] }],
      ['negative stock', { variants: [{ sku: 'Z-2', price: { amountMinor: 100, currency: 'CNY' }, stock: -1 }] }],
      ['a malformed SKU', { variants: [{ sku: 'has space', price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }] }],
      ['a category the license does not cover', { category: 'STAY', licenseOverride: true }],
    ])('refuses %s with BAD_USER_INPUT and creates nothing', async (_name, patch: Record<string, unknown>) => {
      const lic = patch['licenseOverride']
        ? await licensedMerchant(t, { merchant: l.merchant, studio: l.studio, categories: ['APPAREL'] })
        : l;
      const { licenseOverride: _o, ...override } = patch;
      const before = await t.sql(`SELECT count(*)::int AS n FROM products`);
      const res = await t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: lic.licenseId,
          category: 'APPAREL',
          name: 'Valid',
          variants: [{ sku: sku(), price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }],
          ...override,
        },
        l.merchant.token,
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(await t.sql(`SELECT count(*)::int AS n FROM products`)).toEqual(before);
    });

    it('links a venue only to filming locations the IP context knows', async () => {
      const CREATE = `mutation($i: CreateVenueInput!) { createVenue(input: $i) { id filmingLocationIds } }`;
      const base = { merchantId: l.merchant.organizationId, name: 'Xinshe Ranch', latitude: 30.98, longitude: 121.25 };
      const unknown = await t.gql(
        CREATE,
        { i: { ...base, filmingLocationIds: ['00000000-0000-4000-8000-000000000000'] } },
        l.merchant.token,
      );
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      const location = await ok(
        t.gql(
          `mutation($i: RecordFilmingLocationInput!) { recordFilmingLocation(input: $i) { id } }`,
          {
            i: {
              filmIpId: l.filmIpId,
              nameEn: 'Xinshe Ranch meadow',
              nameZh: '新社牧场草地',
              latitude: 30.98,
              longitude: 121.25,
            },
          },
          l.studio.token,
        ),
        'recordFilmingLocation',
      );
      const venue = await t.gql(CREATE, { i: { ...base, filmingLocationIds: [location.id] } }, l.merchant.token);
      expect(venue.data?.createVenue.filmingLocationIds).toEqual([location.id]);
    });

    it('refuses a SKU the merchant already uses with CONFLICT', async () => {
      const p = await createMerchandise(t, l);
      const res = await t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: l.licenseId,
          category: 'APPAREL',
          name: 'Dup',
          variants: [{ sku: p.variants[0]!.sku, price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }],
        },
        l.merchant.token,
      );
      expect(errorCode(res)).toBe('CONFLICT');
    });

    it('refuses a slot that ends before it starts or starts in the past, and a venue with an impossible latitude', async () => {
      const venue = await createVenue(t, l.merchant);
      const exp = await createExperience(t, l, venue.id);
      const start = new Date(t.clock.now().getTime() + 86_400_000);
      const bad = await t.gql(
        contractOperation('AddTimeSlot'),
        { experienceId: exp.id, startsAt: start.toISOString(), endsAt: start.toISOString(), capacity: 5 },
        l.merchant.token,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const negative = await t.gql(
        contractOperation('AddTimeSlot'),
        {
          experienceId: exp.id,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 1000).toISOString(),
          capacity: -1,
        },
        l.merchant.token,
      );
      expect(errorCode(negative)).toBe('BAD_USER_INPUT');
      const past = await t.gql(
        contractOperation('AddTimeSlot'),
        {
          experienceId: exp.id,
          startsAt: new Date(start.getTime() - 2 * 86_400_000).toISOString(),
          endsAt: start.toISOString(),
          capacity: 5,
        },
        l.merchant.token,
      );
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      const lat = await t.gql(
        contractOperation('CreateVenue'),
        { merchantId: l.merchant.organizationId, name: 'X', latitude: 91, longitude: 0 },
        l.merchant.token,
      );
      expect(errorCode(lat)).toBe('BAD_USER_INPUT');
    });
  });

  describe('who sees and changes what', () => {
    let other: Awaited<ReturnType<typeof organizationOwner>>;
    let draftId: string;
    let publishedId: string;
    let variantId: string;
    let venueId: string;
    beforeAll(async () => {
      other = await organizationOwner(t, 'MERCHANT', 'Shanghai Film Park Shop');
      draftId = (await createMerchandise(t, l)).id;
      const pub = await createMerchandise(t, l);
      publishedId = pub.id;
      variantId = pub.variants[0]!.id;
      await approveAndPublish(t, l, publishedId);
      venueId = (await createVenue(t, l.merchant)).id;
    });

    it('a visitor sees a published product but not a draft', async () => {
      const visitor = await signUp(t);
      expect((await t.gql(PRODUCT, { id: publishedId })).data?.product.status).toBe('PUBLISHED');
      expect(errorCode(await t.gql(PRODUCT, { id: draftId }))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(PRODUCT, { id: draftId }, visitor.token))).toBe('NOT_FOUND');
      expect((await t.gql(PRODUCT, { id: draftId }, l.merchant.token)).data?.product.status).toBe('DRAFT');
    });

    it("another merchant cannot see or change the merchant's products, stock or venues", async () => {
      expect(errorCode(await t.gql(PRODUCT, { id: draftId }, other.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(UPDATE, { input: { productId: draftId, name: 'Hijack' } }, other.token))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(UPDATE, { input: { productId: publishedId, name: 'Hijack' } }, other.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(await t.gql(contractOperation('SubmitProductForApproval'), { productId: draftId }, other.token)),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(await t.gql(ADJUST, { input: { variantId, reason: 'RESTOCK', quantity: 5 } }, other.token)),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(`query($id: ID!) { venue(id: $id) { id } }`, { id: venueId }, other.token))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(
          await t.gql(
            `mutation($i: UpdateVenueInput!) { updateVenue(input: $i) { id } }`,
            { i: { venueId, name: 'Mine now' } },
            other.token,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(MERCHANT_PRODUCTS, { merchantId: l.merchant.organizationId }, other.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(
          await t.gql(
            `query($m: ID!) { merchantVenues(merchantId: $m) { totalCount } }`,
            { m: l.merchant.organizationId },
            other.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const exp = await createExperience(t, l, venueId);
      const usingOthersVenue = await t.gql(
        contractOperation('CreateExperience'),
        {
          licenseId: l.licenseId,
          venueId,
          category: 'TOUR',
          name: 'x',
          ticketTypes: [{ name: 'A', price: { amountMinor: 1, currency: 'CNY' } }],
        },
        other.token,
      );
      expect(errorCode(usingOthersVenue)).toBe('NOT_FOUND');
      const slotByOther = await t.gql(
        contractOperation('AddTimeSlot'),
        {
          experienceId: exp.id,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          capacity: 5,
        },
        other.token,
      );
      expect(errorCode(slotByOther)).toBe('NOT_FOUND');
      const [row] = await t.sql(
        `SELECT name, stock_on_hand FROM products p JOIN product_variants v ON v.product_id = p.id WHERE v.id = $1`,
        [variantId],
      );
      expect(row).toMatchObject({ stock_on_hand: 10 });
      expect(row!['name']).not.toBe('Hijack');
    });

    it('another studio cannot review the design; a visitor cannot create products', async () => {
      const p = await createMerchandise(t, l);
      await ok(
        t.gql(contractOperation('SubmitProductForApproval'), { productId: p.id }, l.merchant.token),
        'submitProductForApproval',
      );
      const otherStudio = await organizationOwner(t, 'STUDIO', 'Wuyue Films');
      expect(errorCode(await t.gql(contractOperation('ApproveProduct'), { productId: p.id }, otherStudio.token))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(REJECT, { id: p.id, comments: 'no' }, otherStudio.token))).toBe('NOT_FOUND');
      const visitor = await signUp(t);
      const res = await t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: l.licenseId,
          category: 'APPAREL',
          name: 'x',
          variants: [{ sku: sku(), price: { amountMinor: 1, currency: 'CNY' }, stock: 1 }],
        },
        visitor.token,
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(contractOperation('CreateVenue'), {
            merchantId: l.merchant.organizationId,
            name: 'x',
            latitude: 0,
            longitude: 0,
          }),
        ),
      ).toBe('UNAUTHENTICATED');
    });
  });

  describe('design approval and license compliance', () => {
    it('a rejection carries the studio comments; resubmission goes back to the studio', async () => {
      const p = await createMerchandise(t, l);
      await ok(
        t.gql(contractOperation('SubmitProductForApproval'), { productId: p.id }, l.merchant.token),
        'submitProductForApproval',
      );
      const rejected = await t.gql(REJECT, { id: p.id, comments: 'Lantern colour is off-model' }, l.studio.token);
      expect(rejected.data?.rejectProduct).toMatchObject({
        status: 'REJECTED',
        statusReason: 'Lantern colour is off-model',
      });
      const again = await t.gql(contractOperation('SubmitProductForApproval'), { productId: p.id }, l.merchant.token);
      expect(again.data?.submitProductForApproval.status).toBe('PENDING_APPROVAL');
      const queue = await t.gql(
        `query($s: ID!) { studioProducts(studioId: $s) { edges { node { id } } } }`,
        { s: l.studio.organizationId },
        l.studio.token,
      );
      expect(queue.data?.studioProducts.edges.map((e: any) => e.node.id)).toContain(p.id);
    });

    it('changing the name of a published product sends it back for approval; the purchase limit does not', async () => {
      const p = await createMerchandise(t, l);
      await approveAndPublish(t, l, p.id);
      const limit = await t.gql(UPDATE, { input: { productId: p.id, purchaseLimit: 2 } }, l.merchant.token);
      expect(limit.data?.updateProduct.status).toBe('PUBLISHED');
      const renamed = await t.gql(
        UPDATE,
        { input: { productId: p.id, name: 'Lotus Lantern Tee (new print)' } },
        l.merchant.token,
      );
      expect(renamed.data?.updateProduct).toMatchObject({
        status: 'PENDING_APPROVAL',
        name: 'Lotus Lantern Tee (new print)',
      });
      expect(errorCode(await t.gql(PRODUCT, { id: p.id }))).toBe('NOT_FOUND');
    });

    it('a suspended license suspends its products in the same transaction; they stay suspended until republished', async () => {
      const lic = await licensedMerchant(t, {
        studio: l.studio,
        merchant: l.merchant,
        title: 'Frontier',
        titleZh: '边城',
      });
      const published = await createMerchandise(t, lic);
      await approveAndPublish(t, lic, published.id);
      const approved = await createMerchandise(t, lic);
      await ok(
        t.gql(contractOperation('SubmitProductForApproval'), { productId: approved.id }, lic.merchant.token),
        'submitProductForApproval',
      );
      await ok(
        t.gql(contractOperation('ApproveProduct'), { productId: approved.id }, lic.studio.token),
        'approveProduct',
      );
      const draft = await createMerchandise(t, lic);

      await setLicenseStatus(t, lic, LicenseStatus.SUSPENDED, 'Royalty report overdue');
      const rows = await t.sql<{ id: string; status: string; status_reason: string | null }>(
        `SELECT id, status, status_reason FROM products WHERE license_id = $1`,
        [lic.licenseId],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(published.id)).toMatchObject({
        status: 'SUSPENDED',
        status_reason: 'License suspended: Royalty report overdue',
      });
      expect(byId.get(approved.id)?.status).toBe('SUSPENDED');
      expect(byId.get(draft.id)?.status).toBe('DRAFT');
      expect(errorCode(await t.gql(PRODUCT, { id: published.id }))).toBe('NOT_FOUND');
      expect(
        errorCode(await t.gql(contractOperation('PublishProduct'), { productId: published.id }, lic.merchant.token)),
      ).toBe('CONFLICT');

      await setLicenseStatus(t, lic, LicenseStatus.ACTIVE);
      expect((await t.sql(`SELECT status FROM products WHERE id = $1`, [published.id]))[0]).toEqual({
        status: 'SUSPENDED',
      });
      const republished = await t.gql(
        contractOperation('PublishProduct'),
        { productId: published.id },
        lic.merchant.token,
      );
      expect(republished.data?.publishProduct.status).toBe('PUBLISHED');

      const TRAIL = `query($id: ID!) { productAuditTrail(productId: $id) { event from to reason actorUserId } }`;
      const trail = await t.gql(TRAIL, { id: published.id }, lic.studio.token);
      expect(trail.data?.productAuditTrail).toEqual([
        {
          event: 'ProductSubmittedForApproval',
          from: 'DRAFT',
          to: 'PENDING_APPROVAL',
          reason: null,
          actorUserId: lic.merchant.userId,
        },
        {
          event: 'ProductApproved',
          from: 'PENDING_APPROVAL',
          to: 'APPROVED',
          reason: null,
          actorUserId: lic.studio.userId,
        },
        {
          event: 'ProductPublished',
          from: 'APPROVED',
          to: 'PUBLISHED',
          reason: null,
          actorUserId: lic.merchant.userId,
        },
        {
          event: 'ProductSuspended',
          from: 'PUBLISHED',
          to: 'SUSPENDED',
          reason: 'License suspended: Royalty report overdue',
          actorUserId: null,
        },
        {
          event: 'ProductPublished',
          from: 'SUSPENDED',
          to: 'PUBLISHED',
          reason: null,
          actorUserId: lic.merchant.userId,
        },
      ]);
      const outsider = await organizationOwner(t, 'MERCHANT', 'Nosy Shop');
      expect(errorCode(await t.gql(TRAIL, { id: published.id }, outsider.token))).toBe('NOT_FOUND');
    });

    it('publishing needs today (Asia/Shanghai) inside the license term', async () => {
      const now = t.clock.now();
      const lic = await licensedMerchant(t, {
        studio: l.studio,
        merchant: l.merchant,
        startsOn: '2020-01-01',
        endsOn: '2026-12-31',
      });
      const p = await createMerchandise(t, lic);
      await ok(
        t.gql(contractOperation('SubmitProductForApproval'), { productId: p.id }, lic.merchant.token),
        'submitProductForApproval',
      );
      await ok(t.gql(contractOperation('ApproveProduct'), { productId: p.id }, lic.studio.token), 'approveProduct');
      // 2026-12-31T16:30Z is already 2027-01-01 in Shanghai.
      // Access tokens follow the clock, so the merchant logs in again at each moved time.
      const logIn = async () =>
        (await ok(t.gql(contractOperation('LogIn'), { email: lic.merchant.email, password: PASSWORD }), 'logIn'))
          .accessToken;
      t.clock.set(new Date('2026-12-31T16:30:00Z'));
      try {
        expect(errorCode(await t.gql(contractOperation('PublishProduct'), { productId: p.id }, await logIn()))).toBe(
          'CONFLICT',
        );
        t.clock.set(new Date('2026-12-31T15:30:00Z'));
        expect(
          (await t.gql(contractOperation('PublishProduct'), { productId: p.id }, await logIn())).data?.publishProduct
            .status,
        ).toBe('PUBLISHED');
      } finally {
        t.clock.set(now);
      }
    });
  });

  describe('stock and slots', () => {
    it('records restock, damage and count movements and never goes below sold + reserved', async () => {
      const p = await createMerchandise(t, l, { stock: 10 });
      const variantId = p.variants[0]!.id;
      const restock = await t.gql(
        ADJUST,
        { input: { variantId, reason: 'RESTOCK', quantity: 5, note: 'Delivery' } },
        l.merchant.token,
      );
      expect(restock.errors).toBeUndefined();
      expect(restock.data?.adjustStock).toEqual({
        variant: { stock: 15, available: 15 },
        movement: { delta: 5, reason: 'RESTOCK', stockAfter: 15 },
      });
      const damage = await t.gql(ADJUST, { input: { variantId, reason: 'DAMAGE', quantity: 2 } }, l.merchant.token);
      expect(damage.data?.adjustStock.movement).toEqual({ delta: -2, reason: 'DAMAGE', stockAfter: 13 });
      await t.sql(`UPDATE product_variants SET sold = 6, reserved = 3 WHERE id = $1`, [variantId]);
      expect(
        errorCode(await t.gql(ADJUST, { input: { variantId, reason: 'COUNT', quantity: 8 } }, l.merchant.token)),
      ).toBe('CONFLICT');
      expect(
        errorCode(await t.gql(ADJUST, { input: { variantId, reason: 'DAMAGE', quantity: 5 } }, l.merchant.token)),
      ).toBe('CONFLICT');
      const count = await t.gql(ADJUST, { input: { variantId, reason: 'COUNT', quantity: 9 } }, l.merchant.token);
      expect(count.data?.adjustStock).toEqual({
        variant: { stock: 9, available: 0 },
        movement: { delta: -4, reason: 'COUNT', stockAfter: 9 },
      });
      const movements = await t.sql(
        `SELECT reason, delta FROM stock_movements WHERE variant_id = $1 ORDER BY created_at, reason`,
        [variantId],
      );
      expect(movements).toHaveLength(4);
    });

    it('adds a weekly pattern in Shanghai time, skips existing slots, and guards capacity and status', async () => {
      const venue = await createVenue(t, l.merchant);
      const exp = await createExperience(t, l, venue.id);
      const WEEKLY = `mutation($i: AddWeeklyTimeSlotsInput!) { addWeeklyTimeSlots(input: $i) { id startsAt capacity remaining } }`;
      const input = {
        experienceId: exp.id,
        fromDate: '2026-12-01',
        toDate: '2026-12-14',
        weekdays: [6, 7],
        startTime: '10:00',
        durationMinutes: 90,
        capacity: 30,
      };
      // The pattern's dates are fixed, so the clock is set before them (and the merchant logs in at that time).
      const now = t.clock.now();
      t.clock.set(new Date('2026-11-20T00:00:00Z'));
      const token = (
        await ok(t.gql(contractOperation('LogIn'), { email: l.merchant.email, password: PASSWORD }), 'logIn')
      ).accessToken;
      const first = await t.gql(WEEKLY, { i: input }, token).finally(() => t.clock.set(now));
      expect(first.data?.addWeeklyTimeSlots.map((s: any) => s.startsAt)).toEqual([
        '2026-12-05T02:00:00.000Z',
        '2026-12-06T02:00:00.000Z',
        '2026-12-12T02:00:00.000Z',
        '2026-12-13T02:00:00.000Z',
      ]);
      t.clock.set(new Date('2026-11-20T00:00:00Z'));
      const second = await t
        .gql(WEEKLY, { i: { ...input, toDate: '2026-12-20' } }, token)
        .finally(() => t.clock.set(now));
      expect(second.data?.addWeeklyTimeSlots.map((s: any) => s.startsAt)).toEqual([
        '2026-12-19T02:00:00.000Z',
        '2026-12-20T02:00:00.000Z',
      ]);

      const slotId = first.data?.addWeeklyTimeSlots[0].id;
      await t.sql(`UPDATE time_slots SET sold = 20, reserved = 5 WHERE id = $1`, [slotId]);
      const CAP = `mutation($i: ChangeTimeSlotCapacityInput!) { changeTimeSlotCapacity(input: $i) { capacity remaining } }`;
      expect(errorCode(await t.gql(CAP, { i: { timeSlotId: slotId, delta: -6 } }, l.merchant.token))).toBe('CONFLICT');
      expect(
        (await t.gql(CAP, { i: { timeSlotId: slotId, delta: -5 } }, l.merchant.token)).data?.changeTimeSlotCapacity,
      ).toEqual({ capacity: 25, remaining: 0 });

      const STATUS = `mutation($id: ID!, $s: TimeSlotStatus!) { setTimeSlotStatus(timeSlotId: $id, status: $s) { status cancelledAt } }`;
      expect((await t.gql(STATUS, { id: slotId, s: 'CLOSED' }, l.merchant.token)).data?.setTimeSlotStatus.status).toBe(
        'CLOSED',
      );
      const cancelled = await t.gql(STATUS, { id: slotId, s: 'CANCELLED' }, l.merchant.token);
      expect(cancelled.data?.setTimeSlotStatus.cancelledAt).toEqual(expect.any(String));
      expect(errorCode(await t.gql(STATUS, { id: slotId, s: 'OPEN' }, l.merchant.token))).toBe('CONFLICT');
    });
  });

  describe('product detail and merchant lists', () => {
    it('shows variants, ticket types, slots of the next 30 days with remaining seats, venue, IP, studio and merchant', async () => {
      const venue = await createVenue(t, l.merchant, 'Xiangdi Art Center', '香堤艺术中心');
      const exp = await createExperience(t, l, venue.id, { prices: [15000, 8000] });
      const now = t.clock.now().getTime();
      const soon = await addSlot(t, l, exp.id, new Date(now + 2 * 86_400_000), 12);
      await addSlot(t, l, exp.id, new Date(now + 40 * 86_400_000), 12);
      await t.sql(`UPDATE time_slots SET sold = 3, reserved = 2 WHERE id = $1`, [soon.id]);
      await approveAndPublish(t, l, exp.id);
      const res = await t.gql(PRODUCT, { id: exp.id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.product).toMatchObject({
        kind: 'EXPERIENCE',
        status: 'PUBLISHED',
        ticketTypes: [
          { name: 'Adult', price: { amountMinor: 15000 } },
          { name: 'Child', price: { amountMinor: 8000 } },
        ],
        upcomingTimeSlots: [{ id: soon.id, capacity: 12, remaining: 7, status: 'OPEN' }],
        venue: { id: venue.id, name: 'Xiangdi Art Center', nameZh: '香堤艺术中心' },
        filmIp: { id: l.filmIpId, title: 'Lotus Lantern', titleZh: '宝莲灯' },
        studio: { id: l.studio.organizationId, name: 'Xinshe Studio' },
        merchant: { id: l.merchant.organizationId, name: 'Xiangdi Art Center' },
        priceFrom: { amountMinor: 8000, currency: 'CNY' },
        variants: [],
      });
    });

    it("lists a merchant's products with filters and keyset pages without duplicates or gaps", async () => {
      const m = await licensedMerchant(t, { studio: l.studio });
      const created: string[] = [];
      for (let i = 0; i < 7; i++)
        created.push((await createMerchandise(t, m, { name: `Item ${i}`, category: i % 2 ? 'CRAFT' : 'APPAREL' })).id);
      await approveAndPublish(t, m, created[0]!);
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page: any = await t.gql(
          MERCHANT_PRODUCTS,
          { merchantId: m.merchant.organizationId, first: 3, after },
          m.merchant.token,
        );
        expect(page.data.merchantProducts.totalCount).toBe(7);
        seen.push(...page.data.merchantProducts.edges.map((e: any) => e.node.id));
        if (!page.data.merchantProducts.pageInfo.hasNextPage) break;
        after = page.data.merchantProducts.pageInfo.endCursor;
      }
      expect([...seen].sort()).toEqual([...created].sort());
      expect(new Set(seen).size).toBe(7);
      const crafts = await t.gql(
        MERCHANT_PRODUCTS,
        { merchantId: m.merchant.organizationId, filter: { category: 'CRAFT' } },
        m.merchant.token,
      );
      expect(crafts.data?.merchantProducts.totalCount).toBe(3);
      const live = await t.gql(
        MERCHANT_PRODUCTS,
        { merchantId: m.merchant.organizationId, filter: { status: 'PUBLISHED' } },
        m.merchant.token,
      );
      expect(live.data?.merchantProducts.edges.map((e: any) => e.node.id)).toEqual([created[0]]);
    });

    it('a page of 50 products with variants, tickets, slots, venue, prices, IP, studio and merchant costs the same number of queries as a page of 5', async () => {
      const m = await licensedMerchant(t, { studio: l.studio });
      for (let i = 0; i < 50; i++) await createMerchandise(t, m, { name: `Bulk ${i}`, prices: [1000 + i, 2000 + i] });
      const count = async (first: number): Promise<number> => {
        const { result: res, queries } = await countQueries(t, () =>
          t.gql(
            `query($merchantId: ID!, $first: Int) {
             merchantProducts(merchantId: $merchantId, first: $first) {
               totalCount
               edges { node { id name variants { sku available } ticketTypes { name } upcomingTimeSlots { remaining }
                              venue { name } filmIp { title } studio { name } merchant { name } priceFrom { amountMinor } } }
             }
           }`,
            { merchantId: m.merchant.organizationId, first },
            m.merchant.token,
          ),
        );
        expect(res.data?.merchantProducts.edges).toHaveLength(first);
        expect(res.data?.merchantProducts.edges[0].node.variants).toHaveLength(2);
        return queries;
      };
      await count(5); // the merchant's and studio's public profiles are read once, then kept (they never change)
      const five = await count(5);
      const fifty = await count(50);
      process.stdout.write(`catalog: merchantProducts page of 5 = ${five} queries, page of 50 = ${fifty} queries\n`);
      expect(fifty).toBe(five);
      // the caller's memberships, count + page, the catalog's own rows (one JSON-aggregated statement), film IP
      expect(fifty).toBeLessThanOrEqual(5);
    });

    it('a product page (variants or tickets, slots with seats, venue, IP, studio, merchant, price) costs 1 statement, then none', async () => {
      const m = await licensedMerchant(t, { studio: l.studio });
      const merch = await createMerchandise(t, m, { prices: [1500, 900] });
      await approveAndPublish(t, m, merch.id);
      const venue = await createVenue(t, m.merchant);
      const exp = await createExperience(t, m, venue.id);
      await addSlot(t, m, exp.id, new Date(t.clock.now().getTime() + 2 * 24 * 3600_000), 12);
      await approveAndPublish(t, m, exp.id);
      // Reads the merchant's and studio's profiles and the IP's names once, if not known yet (another product: the
      // two below must be first reads, not pages this one kept).
      const warm = await createMerchandise(t, m, { prices: [1000] });
      await approveAndPublish(t, m, warm.id);
      await t.gql(PRODUCT, { id: warm.id });
      for (const id of [merch.id, exp.id]) {
        const { result, queries } = await countQueries(t, () => t.gql(PRODUCT, { id }));
        expect(result.errors).toBeUndefined();
        expect(result.data?.product.id).toBe(id);
        // the product with its own rows in one statement; its film IP's names and the organizations' profiles from
        // the process's memory (both products are under the same IP, read once by the first request above)
        expect(queries).toBe(1);
      }
      // Once the publishing writes' notifications are heard (this process reads its own writes' products from the
      // database until then, at most 2 s), a repeated anonymous page comes from the process's page cache.
      for (const id of [merch.id, exp.id]) {
        const deadline = Date.now() + 3000;
        while ((await countQueries(t, () => t.gql(PRODUCT, { id }))).queries !== 0 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        for (let i = 0; i < 3; i++) {
          const { result, queries } = await countQueries(t, () => t.gql(PRODUCT, { id }));
          expect(result.data?.product.id).toBe(id);
          expect(queries).toBe(0);
        }
      }
      const page = await t.gql(PRODUCT, { id: exp.id });
      expect(page.data?.product).toMatchObject({
        venue: { id: venue.id },
        upcomingTimeSlots: [{ capacity: 12, remaining: 12 }],
      });
      expect(page.data?.product.ticketTypes.length).toBeGreaterThan(0);
      expect((await t.gql(PRODUCT, { id: merch.id })).data?.product).toMatchObject({
        priceFrom: { amountMinor: 900 },
        variants: [{}, {}],
      });
    });
  });
});
