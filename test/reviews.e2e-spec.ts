import { contractOperation } from './support/contract';
import { Party, platformAdmin, signUp } from './support/parties';
import { checkout, openShop, Shop } from './support/orders';
import { countQueries } from './support/query-count';
import { errorCode, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Verified-buyer reviews (the contract's ReviewOrderLine and ProductReviews), the merchant's public reply, reports of
 * abusive reviews to the platform, and a visitor's favourites.
 */
describe('reviews and favourites', () => {
  let t: TestApp;
  let shop: Shop;
  let buyer: Party;
  let stranger: Party;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RESERVATION_SWEEP_SECONDS: '3600',
        REFUND_SWEEP_SECONDS: '3600',
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        TICKET_REDEMPTION_OPENS_MINUTES: String(7 * 24 * 60),
      },
    });
    shop = await openShop(t, { stock: 100, seats: 50 });
    [buyer, stranger] = await Promise.all([signUp(t, 'review-buyer'), signUp(t, 'review-stranger')]);
  });
  afterAll(() => t.close());

  const merchant = () => shop.licensed.merchant;
  const review = (orderLineId: string, rating: number, text?: string | null, token = buyer.token) =>
    t.gql(
      contractOperation('ReviewOrderLine'),
      { orderLineId, rating, ...(text === undefined ? {} : { text }) },
      token,
    );
  const productReviews = (productId: string, token?: string) =>
    t.gql(contractOperation('ProductReviews'), { productId }, token);
  const reply = (reviewId: string, text: string, token = merchant().token) =>
    t.gql(
      `mutation($i: ReplyToReviewInput!) { replyToReview(input: $i) { id reply repliedAt } }`,
      { i: { reviewId, text } },
      token,
    );
  const report = (reviewId: string, reason: string, token: string | undefined) =>
    t.gql(`mutation($i: ReportReviewInput!) { reportReview(input: $i) }`, { i: { reviewId, reason } }, token);
  const ship = (orderLineId: string) =>
    t.gql(
      `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { status } }`,
      { id: orderLineId },
      merchant().token,
    );
  const reviewCount = async (lineId: string) =>
    (
      await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM product_reviews WHERE order_line_id = $1`, [lineId])
    )[0]!.n;

  async function paidLine(
    lines: Parameters<typeof checkout>[2] = [{ variantId: shop.variantId, quantity: 1 }],
    who = buyer,
  ): Promise<{ lineId: string; codes: string[] }> {
    const placed = await checkout(t, who.token, lines);
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.checkout.order.id as string;
    const paid = await t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { lines { id } tickets { code } } }`,
      { id },
      who.token,
    );
    expect(paid.errors).toBeUndefined();
    return {
      lineId: paid.data!.devConfirmPayment.lines[0].id,
      codes: paid.data!.devConfirmPayment.tickets.map((x: { code: string }) => x.code),
    };
  }

  async function shippedLine(who = buyer): Promise<string> {
    const { lineId } = await paidLine(undefined, who);
    expect((await ship(lineId)).errors).toBeUndefined();
    return lineId;
  }

  it('only after hand-over: a paid line not yet shipped is CONFLICT; once shipped the buyer reviews it, and the product shows it', async () => {
    const { lineId } = await paidLine();
    expect(errorCode(await review(lineId, 5, 'Great'))).toBe('CONFLICT');
    expect(await reviewCount(lineId)).toBe(0);
    expect((await ship(lineId)).errors).toBeUndefined();

    const done = await review(lineId, 4, '  很好看，做工扎实  ');
    expect(done.errors).toBeUndefined();
    expect(done.data!.reviewOrderLine).toEqual({ id: expect.any(String), rating: 4 });

    const page = await productReviews(shop.productId);
    expect(page.errors).toBeUndefined();
    expect(page.data!.product.rating).toEqual({ average: 4, count: 1 });
    expect(page.data!.product.reviews.edges).toEqual([
      { node: { rating: 4, text: '很好看，做工扎实', createdAt: expect.any(String) } },
    ]);
    // The order page knows the line was reviewed, so it offers no second form.
    const order = await t.gql(
      `query { myOrders(first: 100) { edges { node { lines { id review { rating } } } } } }`,
      {},
      buyer.token,
    );
    expect(order.errors).toBeUndefined();
    const lines = order.data!.myOrders.edges.flatMap(
      (e: { node: { lines: { id: string; review: { rating: number } | null }[] } }) => e.node.lines,
    );
    expect(lines.find((l: { id: string }) => l.id === lineId)?.review).toEqual({ rating: 4 });
  });

  it('only the buyer: anyone else (the merchant included) is told the line does not exist; anonymous is UNAUTHENTICATED', async () => {
    const lineId = await shippedLine();
    expect(errorCode(await review(lineId, 5, null, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await review(lineId, 5, null, merchant().token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(contractOperation('ReviewOrderLine'), { orderLineId: lineId, rating: 5 }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await reviewCount(lineId)).toBe(0);
  });

  it('rating is 1..5 and text at most 2000 characters, each refused with nothing written', async () => {
    const lineId = await shippedLine();
    for (const rating of [0, 6, -1]) expect(errorCode(await review(lineId, rating))).toBe('BAD_USER_INPUT');
    expect(errorCode(await review(lineId, 3, 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');
    expect(await reviewCount(lineId)).toBe(0);
    expect((await review(lineId, 1, 'x'.repeat(2000))).errors).toBeUndefined();
  });

  it('once per line: 20 concurrent attempts leave one review, the others CONFLICT', async () => {
    const lineId = await shippedLine();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => review(lineId, 1 + (i % 5), `attempt ${i}`)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(19).fill('CONFLICT'));
    expect(await reviewCount(lineId)).toBe(1);
    expect(errorCode(await review(lineId, 5))).toBe('CONFLICT');
  });

  it('an experience line counts as handed over once a ticket is redeemed', async () => {
    const { lineId, codes } = await paidLine([
      { ticketTypeId: shop.ticketTypeIds[0]!, timeSlotId: shop.slotId, quantity: 2 },
    ]);
    expect(errorCode(await review(lineId, 5))).toBe('CONFLICT');
    const redeemed = await t.gql(contractOperation('RedeemTicket'), { code: codes[0] }, merchant().token);
    expect(redeemed.errors).toBeUndefined();
    expect((await review(lineId, 5, '夜游很有氛围')).errors).toBeUndefined();
    const page = await productReviews(shop.experienceId);
    expect(page.data!.product.rating).toEqual({ average: 5, count: 1 });
  });

  it("the merchant's staff reply in public; anyone else is told the review does not exist", async () => {
    const lineId = await shippedLine();
    const id = (await review(lineId, 2, 'Arrived late')).data!.reviewOrderLine.id as string;
    expect(errorCode(await reply(id, 'Not mine to answer', stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await reply(id, 'Sorry', buyer.token))).toBe('NOT_FOUND');
    expect(errorCode(await reply(id, '   '))).toBe('BAD_USER_INPUT');
    const answered = await reply(id, '抱歉，已改进发货流程');
    expect(answered.data!.replyToReview).toEqual({ id, reply: '抱歉，已改进发货流程', repliedAt: expect.any(String) });
    const page = await t.gql(
      `query($p: ID!) { product(id: $p) { reviews(first: 100) { edges { node { id reply } } } } }`,
      { p: shop.productId },
    );
    expect(page.data!.product.reviews.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      id,
      reply: '抱歉，已改进发货流程',
    });
  });

  it('reports of abusive reviews reach the platform, once per reporter; only the platform reads them', async () => {
    const lineId = await shippedLine();
    const id = (await review(lineId, 1, 'abusive words')).data!.reviewOrderLine.id as string;
    expect(errorCode(await report(id, 'Insults', undefined))).toBe('UNAUTHENTICATED');
    expect(errorCode(await report(id, '', stranger.token))).toBe('BAD_USER_INPUT');
    expect((await report(id, 'Insults', stranger.token)).data).toEqual({ reportReview: true });
    expect(errorCode(await report(id, 'Again', stranger.token))).toBe('CONFLICT');
    expect((await report(id, 'Rude', merchant().token)).data).toEqual({ reportReview: true });
    const queue = `query { reportedReviews { reason review { id text } } }`;
    expect(errorCode(await t.gql(queue, {}, stranger.token))).toBe('FORBIDDEN');
    const platform = await platformAdmin(t);
    const read = await t.gql(queue, {}, platform.token);
    expect(
      read
        .data!.reportedReviews.filter((r: { review: { id: string } }) => r.review.id === id)
        .map((r: { reason: string }) => r.reason)
        .sort(),
    ).toEqual(['Insults', 'Rude']);
  });

  it('pages reviews newest first with a cursor; a forged cursor is BAD_USER_INPUT', async () => {
    const page = (after?: string) =>
      t.gql(
        `query($p: ID!, $a: String) { product(id: $p) { reviews(first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id createdAt } } } } }`,
        {
          p: shop.productId,
          a: after ?? null,
        },
      );
    const first = (await page()).data!.product.reviews;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).data!.product.reviews;
    const ids = [...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const forged = Buffer.from(JSON.stringify(['not a date', 'nope']), 'utf8').toString('base64url');
    expect(errorCode(await page(forged))).toBe('BAD_USER_INPUT');
  });

  it('ratings on a list of products cost one grouped query, not one per product', async () => {
    const list = (fields: string) =>
      countQueries(t, () =>
        t.gql(
          `query($m: ID!) { merchantProducts(merchantId: $m, first: 50) { edges { node { id ${fields} } } } }`,
          { m: merchant().organizationId },
          merchant().token,
        ),
      );
    const without = await list('');
    const withRating = await list('rating { average count }');
    expect(withRating.result.errors).toBeUndefined();
    expect(withRating.result.data!.merchantProducts.edges.length).toBeGreaterThanOrEqual(2);
    expect(withRating.queries - without.queries).toBe(1);
  });

  it('rates a page of product cards in one public call; more than 100 ids is BAD_USER_INPUT', async () => {
    const ratings = (ids: string[]) =>
      t.gql(`query($ids: [ID!]!) { productRatings(productIds: $ids) { productId rating { average count } } }`, { ids });
    const nobody = '00000000-0000-4000-8000-000000000000';
    const read = await ratings([shop.productId, nobody]);
    expect(read.errors).toBeUndefined();
    const [merch, none] = read.data!.productRatings;
    expect(merch.productId).toBe(shop.productId);
    expect(merch.rating.count).toBeGreaterThanOrEqual(5);
    expect(none).toEqual({ productId: nobody, rating: { average: null, count: 0 } });
    const { queries } = await countQueries(t, () => ratings([shop.productId, shop.experienceId, nobody]));
    expect(queries).toBe(1);
    expect(errorCode(await ratings(Array.from({ length: 101 }, () => nobody)))).toBe('BAD_USER_INPUT');
  });

  describe('favourites', () => {
    const setFavourite = (productId: string, favourite: boolean, token: string | undefined) =>
      t.gql(
        `mutation($p: ID!, $f: Boolean!) { setFavourite(productId: $p, favourite: $f) }`,
        { p: productId, f: favourite },
        token,
      );
    const mine = (token: string) => t.gql(`query { myFavourites { id favourited } }`, {}, token);

    it('adds, lists and removes, scoped to the visitor; idempotent; anonymous is UNAUTHENTICATED', async () => {
      expect(errorCode(await setFavourite(shop.productId, true, undefined))).toBe('UNAUTHENTICATED');
      expect((await setFavourite(shop.productId, true, buyer.token)).data).toEqual({ setFavourite: true });
      expect((await setFavourite(shop.productId, true, buyer.token)).errors).toBeUndefined();
      // The test clock stands still: a second later, so "most recently saved first" has an order to show.
      t.clock.advanceBy(1_000);
      expect((await setFavourite(shop.experienceId, true, buyer.token)).errors).toBeUndefined();
      expect((await mine(buyer.token)).data!.myFavourites).toEqual([
        { id: shop.experienceId, favourited: true },
        { id: shop.productId, favourited: true },
      ]);
      expect((await mine(stranger.token)).data!.myFavourites).toEqual([]);
      const seen = (token?: string) =>
        t.gql(`query($p: ID!) { product(id: $p) { favourited } }`, { p: shop.productId }, token);
      expect((await seen(buyer.token)).data!.product.favourited).toBe(true);
      expect((await seen(stranger.token)).data!.product.favourited).toBe(false);
      expect((await seen()).data!.product.favourited).toBe(false);

      expect((await setFavourite(shop.productId, false, buyer.token)).data).toEqual({ setFavourite: false });
      expect((await mine(buyer.token)).data!.myFavourites).toEqual([{ id: shop.experienceId, favourited: true }]);
    });

    it("a product the visitor cannot see (another merchant's draft, or none) is NOT_FOUND and saves nothing", async () => {
      const [draft] = await t.sql<{ id: string }>(`SELECT id FROM products WHERE status = 'DRAFT' LIMIT 1`);
      const ids = [draft?.id, '00000000-0000-4000-8000-000000000000'].filter((x): x is string => !!x);
      for (const id of ids) expect(errorCode(await setFavourite(id, true, stranger.token))).toBe('NOT_FOUND');
      expect((await mine(stranger.token)).data!.myFavourites).toEqual([]);
    });
  });
});
