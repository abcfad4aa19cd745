import { approveAndPublish, createMerchandise, licensedMerchant, Licensed, ok } from './support/catalog';
import { contractOperation } from './support/contract';
import { photo, upload } from './support/media';
import { organizationOwner, Party } from './support/parties';
import { pdfTextRuns } from './support/pdf-text';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

interface Round {
  round: number;
  status: string;
  note: string | null;
  comments: string | null;
  submittedAt: string;
  decidedAt: string | null;
  artwork: { url: string }[];
}

/** Issue #17: design rounds with artwork, one lifecycle with the product's approval, and the printable tag sheet. */
describe('design rounds with artwork', () => {
  let t: TestApp;
  let l: Licensed;
  let otherStudio: Party;
  let otherMerchant: Party;
  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t, { title: 'Lotus Lantern', titleZh: '宝莲灯' });
    otherStudio = await organizationOwner(t, 'STUDIO', 'Other Studio');
    otherMerchant = await organizationOwner(t, 'MERCHANT', 'Other Merchant');
  });
  afterAll(() => t.close());

  async function artwork(party: Party, seed: number): Promise<string> {
    const res = await upload(t, await photo('png', seed), { token: party.token });
    if (res.status !== 201) throw new Error(`upload ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  function submitRound(productId: string, artworkMediaIds: string[], note: string | null, token = l.merchant.token) {
    return t.gql(contractOperation('SubmitDesignRound'), { productId, artworkMediaIds, note }, token);
  }

  function reject(productId: string, comments: string) {
    return t.gql(
      `mutation($productId: ID!, $comments: String!) { rejectProduct(productId: $productId, comments: $comments) { id } }`,
      { productId, comments },
      l.studio.token,
    );
  }

  async function rounds(productId: string, token = l.merchant.token): Promise<{ status: string; rounds: Round[] }> {
    const res = await t.gql(contractOperation('ApprovalRounds'), { productId }, token);
    expect(res.errors).toBeUndefined();
    const product = res.data?.['product'] as { status: string; approvalRounds: Round[] };
    return { status: product.status, rounds: product.approvalRounds };
  }

  it('keeps every round: rejected with comments, changes requested, then approved, newest first; then publishable', async () => {
    const product = await createMerchandise(t, l, { name: 'Lantern tee', nameZh: '宝莲灯T恤' });
    const first = await artwork(l.merchant, 11);
    const r1 = await submitRound(product.id, [first], 'Front print, first go');
    expect(r1.errors).toBeUndefined();
    expect(r1.data?.['submitDesignRound']).toEqual({
      id: product.id,
      status: 'PENDING_APPROVAL',
      approvalRounds: [{ round: 1 }],
    });
    // Not before the latest round is approved.
    expect(
      errorCode(await t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token)),
    ).toBe('CONFLICT');
    // One round waits at a time.
    expect(errorCode(await submitRound(product.id, [first], 'again'))).toBe('CONFLICT');

    await ok(reject(product.id, 'The lantern is off-model'), 'rejectProduct');
    const second = await artwork(l.merchant, 12);
    const back = await artwork(l.merchant, 13);
    await ok(submitRound(product.id, [second, back], 'Redrawn lantern, back print added'), 'submitDesignRound');
    const asked = await t.gql(
      contractOperation('RequestDesignChanges'),
      { productId: product.id, comments: 'Use the official red (style guide p. 4)' },
      l.studio.token,
    );
    expect(asked.data?.['requestDesignChanges']).toEqual({ id: product.id, status: 'CHANGES_REQUESTED' });
    expect(
      errorCode(await t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token)),
    ).toBe('CONFLICT');
    const third = await artwork(l.merchant, 14);
    await ok(submitRound(product.id, [third], 'Official red'), 'submitDesignRound');
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, l.studio.token), 'approveProduct');

    const seen = await rounds(product.id);
    expect(seen.status).toBe('APPROVED');
    expect(seen.rounds.map((r) => [r.round, r.status, r.note, r.comments, r.artwork.length])).toEqual([
      [3, 'APPROVED', 'Official red', null, 1],
      [2, 'CHANGES_REQUESTED', 'Redrawn lantern, back print added', 'Use the official red (style guide p. 4)', 2],
      [1, 'REJECTED', 'Front print, first go', 'The lantern is off-model', 1],
    ]);
    for (const r of seen.rounds) {
      expect(r.decidedAt).not.toBeNull();
      expect(new Date(r.decidedAt!).getTime()).toBeGreaterThanOrEqual(new Date(r.submittedAt).getTime());
    }
    // The artwork is served: each round's images load.
    const image = await fetch(`${t.baseUrl}${seen.rounds[1]!.artwork[1]!.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    // The studio sees the same rounds.
    expect((await rounds(product.id, l.studio.token)).rounds).toEqual(seen.rounds);

    await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token), 'publishProduct');
  });

  it("a published product's artwork changes only through a new round, which takes it out of the shop until approved", async () => {
    const product = await createMerchandise(t, l, { name: 'Lantern cap' });
    await ok(submitRound(product.id, [await artwork(l.merchant, 21)], null), 'submitDesignRound');
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, l.studio.token), 'approveProduct');
    await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token), 'publishProduct');

    const revised = await submitRound(product.id, [await artwork(l.merchant, 22)], 'New embroidery');
    expect(revised.data?.['submitDesignRound']).toMatchObject({ status: 'PENDING_APPROVAL' });
    const visitorView = await t.gql(`query($id: ID!) { product(id: $id) { id } }`, { id: product.id });
    expect(errorCode(visitorView)).toBe('NOT_FOUND');
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, l.studio.token), 'approveProduct');
    await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token), 'publishProduct');
    const seen = await rounds(product.id);
    expect(seen.rounds.map((r) => [r.round, r.status, r.note])).toEqual([
      [2, 'APPROVED', 'New embroidery'],
      [1, 'APPROVED', null],
    ]);
  });

  it('the older submitProductForApproval opens a round too, carrying the latest artwork forward', async () => {
    const product = await createMerchandise(t, l, { name: 'Lantern mug' });
    const art = await artwork(l.merchant, 31);
    await ok(submitRound(product.id, [art], 'Mug wrap'), 'submitDesignRound');
    await ok(reject(product.id, 'Too dark'), 'rejectProduct');
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: product.id }, l.merchant.token),
      'submitProductForApproval',
    );
    const seen = await rounds(product.id);
    expect(seen.rounds.map((r) => [r.round, r.status, r.artwork.length])).toEqual([
      [2, 'PENDING', 1],
      [1, 'REJECTED', 1],
    ]);
    expect(seen.rounds[0]!.artwork).toEqual(seen.rounds[1]!.artwork);
  });

  it('refuses bad rounds: artwork of another organization, requests by another studio, empty or oversized input', async () => {
    const product = await createMerchandise(t, l, { name: 'Lantern pin' });
    const foreign = await artwork(otherMerchant, 41);
    const refused = await submitRound(product.id, [foreign], 'not mine');
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorCode(await submitRound(product.id, [], null))).toBe('BAD_USER_INPUT');
    const mine = await artwork(l.merchant, 42);
    expect(errorCode(await submitRound(product.id, [mine, mine], null))).toBe('BAD_USER_INPUT');
    expect(errorCode(await submitRound(product.id, [mine], 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await submitRound(product.id, ['00000000-0000-4000-8000-000000000000'], null))).toBe('NOT_FOUND');
    // Another merchant cannot even see the draft.
    expect(errorCode(await submitRound(product.id, [foreign], null, otherMerchant.token))).toBe('NOT_FOUND');
    const rows = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM product_design_rounds WHERE product_id = $1`, [
      product.id,
    ]);
    expect(Number(rows[0]!.n)).toBe(0);

    await ok(submitRound(product.id, [mine], null), 'submitDesignRound');
    const byOther = await t.gql(
      contractOperation('RequestDesignChanges'),
      { productId: product.id, comments: 'Mine now' },
      otherStudio.token,
    );
    expect(errorCode(byOther)).toBe('NOT_FOUND');
    const byMerchant = await t.gql(
      contractOperation('RequestDesignChanges'),
      { productId: product.id, comments: 'Self-review' },
      l.merchant.token,
    );
    expect(errorCode(byMerchant)).toBe('FORBIDDEN');
    const blank = await t.gql(
      contractOperation('RequestDesignChanges'),
      { productId: product.id, comments: '  ' },
      l.studio.token,
    );
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect((await rounds(product.id)).rounds.map((r) => r.status)).toEqual(['PENDING']);
  });

  it('rounds are for the two parties: another studio or merchant sees no product, a visitor of a published one sees null', async () => {
    const product = await createMerchandise(t, l, { name: 'Lantern badge' });
    await ok(submitRound(product.id, [await artwork(l.merchant, 51)], null), 'submitDesignRound');
    for (const outsider of [otherStudio, otherMerchant]) {
      expect(
        errorCode(await t.gql(contractOperation('ApprovalRounds'), { productId: product.id }, outsider.token)),
      ).toBe('NOT_FOUND');
    }
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, l.studio.token), 'approveProduct');
    await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, l.merchant.token), 'publishProduct');
    const visitor = await t.gql(contractOperation('ApprovalRounds'), { productId: product.id });
    expect(visitor.errors).toBeUndefined();
    expect(visitor.data?.['product']).toMatchObject({ status: 'PUBLISHED', approvalRounds: null });
  });

  describe('the printable sheet of verification tags', () => {
    let published: { id: string };
    let code: string;
    beforeAll(async () => {
      published = await createMerchandise(t, l, { name: 'Lantern scarf', nameZh: '宝莲灯围巾' });
      await approveAndPublish(t, l, published.id);
      const [row] = await t.sql<{ code: string }>(`SELECT verification_code AS code FROM products WHERE id = $1`, [
        published.id,
      ]);
      code = row!.code;
    });

    function sheet(productId: string, token?: string, query = ''): Promise<Response> {
      return fetch(`${t.baseUrl}/verification-tags/${productId}${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    }

    it("prints the product's names and code with a QR of its verification page, for its merchant", async () => {
      const res = await sheet(published.id, l.merchant.token, '?count=14');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfTextRuns(pdf).join('\n');
      expect(text).toContain('宝莲灯围巾');
      expect(text).toContain('Lantern scarf');
      expect(text.split(code).length - 1).toBe(14);
      expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(2);
    });

    it('is refused to anyone but the merchant, and before publication', async () => {
      expect((await sheet(published.id)).status).toBe(401);
      // A published product is public, so another merchant learns only that it is not theirs.
      expect((await sheet(published.id, otherMerchant.token)).status).toBe(403);
      expect((await sheet(published.id, l.studio.token)).status).toBe(403);
      expect((await sheet('not-an-id', l.merchant.token)).status).toBe(404);
      expect((await sheet(published.id, l.merchant.token, '?count=0')).status).toBe(400);
      expect((await sheet(published.id, l.merchant.token, '?count=9999')).status).toBe(400);
      const draft = await createMerchandise(t, l, { name: 'Unpublished' });
      expect((await sheet(draft.id, l.merchant.token)).status).toBe(409);
    });
  });

  it('answers a pending request with GraphQL errors, never INTERNAL', async () => {
    const res: GqlResult = await t.gql(contractOperation('RequestDesignChanges'), {
      productId: '00000000-0000-4000-8000-000000000000',
      comments: 'x',
    });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});
