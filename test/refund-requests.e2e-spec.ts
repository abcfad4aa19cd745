import { contractOperation } from './support/contract';
import { Party, signUp } from './support/parties';
import { checkout, openShop, Shop } from './support/orders';
import { errorCode, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

/**
 * After-sales: a buyer's refund request, decided by the merchant (refund through the provider and the ledger, as
 * refundOrderLine) or approved at once inside an experience's cancellation policy; both sides are emailed; and the
 * bad requests the issue lists, each refused with nothing changed.
 */
describe('refund requests', () => {
  let t: TestApp;
  let shop: Shop;
  let buyer: Party;

  beforeAll(async () => {
    t = await startTestApp({
      env: { RESERVATION_SWEEP_SECONDS: '3600', REFUND_SWEEP_SECONDS: '3600', ACCESS_TOKEN_TTL_SECONDS: '86400' },
    });
    shop = await openShop(t, { stock: 50, seats: 50 });
    buyer = await signUp(t, 'refund-buyer');
  });
  afterAll(() => t.close());

  const merchant = () => shop.licensed.merchant;
  const request = (orderLineId: string, reason: string, token = buyer.token, quantity?: number) =>
    t.gql(
      contractOperation('RequestRefund'),
      { orderLineId, reason, ...(quantity === undefined ? {} : { quantity }) },
      token,
    );
  const decide = (id: string, approve: boolean, reason?: string, token = merchant().token) =>
    t.gql(
      contractOperation('DecideRefundRequest'),
      { id, approve, ...(reason === undefined ? {} : { reason }) },
      token,
    );
  const readOrder = (id: string, token = buyer.token) =>
    t.gql(
      `query($id: ID!) { order(id: $id) { id status lines { id refunded { amountMinor } } tickets { code voidedAt }
         refundRequests { id orderLineId productName quantity amount { amountMinor currency } reason status automatic decisionReason decidedAt } } }`,
      { id },
      token,
    );
  const queue = (status?: string) =>
    t.gql(
      `query($m: ID!, $s: RefundRequestStatus) { merchantRefundRequests(merchantId: $m, status: $s) { id status productName reason quantity amount { amountMinor } } }`,
      { m: shop.licensed.merchant.organizationId, s: status ?? null },
      merchant().token,
    );
  const setPolicy = (hours: number | null) =>
    t.gql(
      `mutation($p: ID!, $h: Int) { updateProduct(input: { productId: $p, freeCancellationHours: $h }) { freeCancellationHours } }`,
      { p: shop.experienceId, h: hours },
      merchant().token,
    );

  async function paidOrder(
    lines: Parameters<typeof checkout>[2],
    who = buyer,
  ): Promise<{ id: string; lineIds: string[] }> {
    const placed = await checkout(t, who.token, lines);
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.checkout.order.id as string;
    const paid = await t.gql(contractOperation('DevConfirmPayment'), { orderId: id }, who.token);
    expect(paid.data?.devConfirmPayment.status).toBe('PAID');
    const read = await readOrder(id, who.token);
    return { id, lineIds: read.data!.order.lines.map((l: { id: string }) => l.id) };
  }

  /** What a refused request must leave as it was: the line's requests and refunds, and what it has refunded. */
  async function stateOfLine(lineId: string): Promise<unknown> {
    return t.sql(
      `SELECT l.refunded_minor::text AS refunded,
              (SELECT count(*)::int FROM refund_requests r WHERE r.order_line_id = l.id) AS requests,
              (SELECT count(*)::int FROM order_refunds f WHERE f.order_line_id = l.id) AS refunds
         FROM order_lines l WHERE l.id = $1`,
      [lineId],
    );
  }

  const emails = (kind: string, requestId: string) =>
    t.sql<{ recipient: string; payload: { status: string; decisionReason: string | null; automatic: boolean } }>(
      `SELECT recipient_user_id::text AS recipient, payload FROM notifications WHERE kind = $1 AND subject_id = $2`,
      [kind, requestId],
    );

  it('waits for the merchant, who approves: refunded through the provider and the ledger, both sides emailed', async () => {
    const order = await paidOrder([{ variantId: shop.variantId, quantity: 2 }]);
    const lineId = order.lineIds[0]!;
    const asked = await request(lineId, '  Wrong size  ', buyer.token, 1);
    expect(asked.errors).toBeUndefined();
    const requestId = asked.data!.requestRefund.id as string;
    expect(asked.data!.requestRefund.status).toBe('REQUESTED');

    const open = await queue();
    expect(open.data!.merchantRefundRequests).toContainEqual({
      id: requestId,
      status: 'REQUESTED',
      productName: expect.any(String),
      reason: 'Wrong size',
      quantity: 1,
      amount: { amountMinor: 9900 },
    });
    const toMerchant = await emails('REFUND_REQUESTED', requestId);
    expect(toMerchant).toEqual([
      expect.objectContaining({
        recipient: merchant().userId,
        // Both names of what was bought: the email writes each language's own.
        payload: expect.objectContaining({
          automatic: false,
          productName: 'Lotus Lantern T-shirt',
          productNameZh: '宝莲灯T恤',
        }),
      }),
    ]);

    const approved = await decide(requestId, true);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideRefundRequest).toEqual({ id: requestId, status: 'REFUNDED' });
    const read = (await readOrder(order.id)).data!.order;
    expect(read.status).toBe('PARTIALLY_REFUNDED');
    expect(read.lines[0].refunded.amountMinor).toBe(9900);
    expect(read.refundRequests).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'REFUNDED',
        quantity: 1,
        amount: { amountMinor: 9900, currency: 'CNY' },
        automatic: false,
        decidedAt: expect.any(String),
      }),
    ]);
    const [entry] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'REFUND' AND source_id IN (SELECT order_refund_id::text FROM refund_requests WHERE id = $1)`,
      [requestId],
    );
    expect(entry!.n).toBe(1);
    expect(await emails('REFUND_REQUEST_DECIDED', requestId)).toEqual([
      expect.objectContaining({ recipient: buyer.userId, payload: expect.objectContaining({ status: 'APPROVED' }) }),
    ]);
    expect((await queue()).data!.merchantRefundRequests.map((r: { id: string }) => r.id)).not.toContain(requestId);
    // Deciding again is a move the table does not list.
    expect(errorCode(await decide(requestId, false, 'Changed my mind'))).toBe('CONFLICT');
  });

  it('is refused with a reason the buyer reads; a refusal without one is refused', async () => {
    const order = await paidOrder([{ variantId: shop.variantId, quantity: 1 }]);
    const lineId = order.lineIds[0]!;
    const requestId = (await request(lineId, 'Arrived late')).data!.requestRefund.id as string;
    expect(errorCode(await decide(requestId, false))).toBe('BAD_USER_INPUT');
    const refused = await decide(requestId, false, 'Delivered on the promised day');
    expect(refused.data!.decideRefundRequest).toEqual({ id: requestId, status: 'REFUSED' });
    const read = (await readOrder(order.id)).data!.order;
    expect(read.status).toBe('PAID');
    expect(read.refundRequests).toEqual([
      expect.objectContaining({ status: 'REFUSED', decisionReason: 'Delivered on the promised day' }),
    ]);
    expect(await emails('REFUND_REQUEST_DECIDED', requestId)).toEqual([
      expect.objectContaining({
        recipient: buyer.userId,
        payload: expect.objectContaining({ status: 'REFUSED', decisionReason: 'Delivered on the promised day' }),
      }),
    ]);
    // A refused request closes: the buyer may ask again.
    expect((await request(lineId, 'Still arrived late')).data?.requestRefund.status).toBe('REQUESTED');
  });

  it("approves and refunds at once inside the experience's cancellation policy, voiding the seats", async () => {
    expect((await setPolicy(12)).data?.updateProduct.freeCancellationHours).toBe(12);
    try {
      const order = await paidOrder([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 }]);
      const asked = await request(order.lineIds[0]!, 'Cannot come', buyer.token, 1);
      expect(asked.data!.requestRefund.status).toBe('REFUNDED');
      const read = (await readOrder(order.id)).data!.order;
      expect(read.refundRequests).toEqual([
        expect.objectContaining({
          automatic: true,
          status: 'REFUNDED',
          amount: { amountMinor: 12000, currency: 'CNY' },
        }),
      ]);
      expect(read.tickets.filter((tk: { voidedAt: string | null }) => tk.voidedAt !== null)).toHaveLength(1);
      const requestId = asked.data!.requestRefund.id as string;
      expect(await emails('REFUND_REQUEST_DECIDED', requestId)).toHaveLength(1);
      expect(await emails('REFUND_REQUESTED', requestId)).toEqual([
        expect.objectContaining({ payload: expect.objectContaining({ automatic: true }) }),
      ]);
    } finally {
      await setPolicy(null);
    }
  });

  it('leaves a request outside the policy (too close to the start) to the merchant', async () => {
    await setPolicy(48);
    try {
      const order = await paidOrder([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 }]);
      const asked = await request(order.lineIds[0]!, 'Cannot come');
      expect(asked.data!.requestRefund.status).toBe('REQUESTED');
      expect(
        ((await readOrder(order.id)).data!.order.tickets as { voidedAt: string | null }[]).every(
          (tk) => tk.voidedAt === null,
        ),
      ).toBe(true);
    } finally {
      await setPolicy(null);
    }
  });

  it('refuses a request for more than was paid, with nothing changed', async () => {
    const order = await paidOrder([{ variantId: shop.variantId, quantity: 2 }]);
    const lineId = order.lineIds[0]!;
    const before = await stateOfLine(lineId);
    expect(errorCode(await request(lineId, 'Too many', buyer.token, 3))).toBe('BAD_USER_INPUT');
    // After a merchant's partial refund of 1.5 units, two units are more than what is left to refund.
    await t.gql(
      `mutation($id: ID!) { refundOrderLine(orderLineId: $id, amountMinor: 14850) { id } }`,
      { id: lineId },
      merchant().token,
    );
    const partly = await stateOfLine(lineId);
    expect(errorCode(await request(lineId, 'Too many', buyer.token, 2))).toBe('BAD_USER_INPUT');
    expect(await stateOfLine(lineId)).toEqual(partly);
    expect(partly).not.toEqual(before);
    // The rest is half a unit, asked for as one.
    const rest = await request(lineId, 'The other one too', buyer.token, 1);
    const [row] = await t.sql<{ amount: string }>(
      `SELECT amount_minor::text AS amount FROM refund_requests WHERE id = $1`,
      [rest.data!.requestRefund.id],
    );
    expect(row!.amount).toBe('4950');
  });

  it('refuses a request for an unpaid line or an already refunded one, with nothing changed', async () => {
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const unpaidId = placed.data!.checkout.order.id as string;
    const unpaidLine = (await readOrder(unpaidId)).data!.order.lines[0].id as string;
    const unpaidBefore = await stateOfLine(unpaidLine);
    expect(errorCode(await request(unpaidLine, 'Never mind'))).toBe('CONFLICT');
    expect(await stateOfLine(unpaidLine)).toEqual(unpaidBefore);

    const order = await paidOrder([{ variantId: shop.variantId, quantity: 1 }]);
    const lineId = order.lineIds[0]!;
    await t.gql(`mutation($id: ID!) { refundOrderLine(orderLineId: $id) { id } }`, { id: lineId }, merchant().token);
    const refunded = await stateOfLine(lineId);
    expect(errorCode(await request(lineId, 'Again'))).toBe('CONFLICT');
    expect(await stateOfLine(lineId)).toEqual(refunded);
  });

  it('refuses a request by anyone but the buyer, and a decision by anyone but the merchant, with nothing changed', async () => {
    const order = await paidOrder([{ variantId: shop.variantId, quantity: 1 }]);
    const lineId = order.lineIds[0]!;
    const stranger = await signUp(t, 'stranger');
    const before = await stateOfLine(lineId);
    expect(errorCode(await request(lineId, 'Mine now', stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await request(lineId, 'Refund it', merchant().token))).toBe('NOT_FOUND');
    expect(await stateOfLine(lineId)).toEqual(before);

    const requestId = (await request(lineId, 'Broken')).data!.requestRefund.id as string;
    const other = await openShop(t);
    expect(errorCode(await decide(requestId, true, undefined, buyer.token))).toBe('NOT_FOUND');
    expect(errorCode(await decide(requestId, true, undefined, other.licensed.merchant.token))).toBe('NOT_FOUND');
    expect(errorCode(await decide(requestId, true, undefined, stranger.token))).toBe('NOT_FOUND');
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM refund_requests WHERE id = $1`, [requestId]);
    expect(row!.status).toBe('REQUESTED');
    expect(errorCode(await queueOf(other.licensed.merchant.token))).toBe('FORBIDDEN');
    expect(errorCode(await queueOf(buyer.token))).toBe('FORBIDDEN');
  });

  const queueOf = (token: string) =>
    t.gql(
      `query($m: ID!) { merchantRefundRequests(merchantId: $m) { id } }`,
      { m: shop.licensed.merchant.organizationId },
      token,
    );

  it('records one request when the buyer asks twenty times at once', async () => {
    const order = await paidOrder([{ variantId: shop.variantId, quantity: 2 }]);
    const lineId = order.lineIds[0]!;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(lineId, `Attempt ${i}`)));
    const accepted = answers.filter((a) => a.errors === undefined);
    expect(accepted).toHaveLength(1);
    expect(answers.filter((a) => errorCode(a) === 'CONFLICT')).toHaveLength(19);
    const [row] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM refund_requests WHERE order_line_id = $1`,
      [lineId],
    );
    expect(row!.n).toBe(1);
  });
});
