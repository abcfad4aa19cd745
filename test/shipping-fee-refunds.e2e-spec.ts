import { DomainEventBus } from '@chedun/db';
import { Money, OrderLineRefunded } from '@chedun/kernel';
import { PaymentService, RefundSucceeded } from '@chedun/payments';
import { DataSource } from 'typeorm';
import { approveAndPublish, createMerchandise } from './support/catalog';
import { contractOperation } from './support/contract';
import { dayOffset } from './support/licensing';
import { idempotencyKey, openShop, Shop } from './support/orders';
import { Party, platformAdmin, signUp } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

const ADDRESS = {
  recipient: '王小明',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '松江区',
  street: '车墩镇影视路 1 号',
  postalCode: '201611',
};
const money = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const FEE_A = 1_200;
const FEE_B = 800;

/**
 * The shipping fee comes back as a marketplace buyer expects (Taobao/Tmall): when every merchandise line of a merchant
 * is refunded in full before any was shipped, that merchant's fee goes back with the refund that completes it (one
 * provider refund), reversed once in the ledger; once something shipped, the fee is kept.
 */
describe('shipping fee refunds', () => {
  let t: TestApp;
  let a: Shop;
  let b: Shop;
  /** A second product of merchant a, at 5.00 CNY: a's part of an order can hold two lines. */
  let aSecondVariant: string;
  let buyer: Party;
  let platform: Party;
  /**
   * Orders refunded by two refunds at once: the development gateway documents that two refunds racing on one payment
   * may leave its own refunded total stale, so the provider check is not about them.
   */
  const racedOrders: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: { ACCESS_TOKEN_TTL_SECONDS: '86400', OPEN_ORDERS_PER_ACCOUNT: '50', REFUND_SWEEP_SECONDS: '3600' },
    });
    [a, b] = [await openShop(t, { stock: 100 }), await openShop(t, { stock: 100 })];
    const second = await createMerchandise(t, a.licensed, { stock: 100, prices: [500] });
    await approveAndPublish(t, a.licensed, second.id);
    aSecondVariant = second.variants[0]!.id;
    for (const [shop, fee] of [
      [a, FEE_A],
      [b, FEE_B],
    ] as const) {
      const set = await t.gql(
        contractOperation('SetDeliveryOptions'),
        {
          merchantId: shop.licensed.merchant.organizationId,
          pickup: false,
          ship: true,
          shippingFee: money(fee),
          freeShippingFrom: null,
        },
        shop.licensed.merchant.token,
      );
      expect(set.errors).toBeUndefined();
    }
    buyer = await signUp(t, 'shipping-refund-buyer');
    platform = await platformAdmin(t);
  });
  afterAll(() => t.close());

  const merchantOf = (shop: Shop) => shop.licensed.merchant.organizationId as string;

  /** A paid SHIP order; its line ids in the order of `variants`. */
  async function paidOrder(
    variants: { variantId: string; quantity: number }[],
  ): Promise<{ id: string; lines: string[] }> {
    const placed = await t.gql(
      contractOperation('CheckoutWithDelivery'),
      { idempotencyKey: idempotencyKey(), lines: variants, delivery: { method: 'SHIP', address: ADDRESS } },
      buyer.token,
    );
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.checkout.order.id as string;
    const paid = await t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { status } }`, { id }, buyer.token);
    expect(paid.data?.devConfirmPayment.status).toBe('PAID');
    const rows = await t.sql<{ id: string; variantId: string }>(
      `SELECT id, variant_id AS "variantId" FROM order_lines WHERE order_id = $1 ORDER BY position`,
      [id],
    );
    return { id, lines: variants.map((v) => rows.find((r) => r.variantId === v.variantId)!.id) };
  }

  const refundLine = (shop: Shop, lineId: string, amountMinor?: number) =>
    t.gql(
      `mutation($id: ID!, $amount: SafeInt) { refundOrderLine(orderLineId: $id, amountMinor: $amount) { id status } }`,
      { id: lineId, amount: amountMinor ?? null },
      shop.licensed.merchant.token,
    );

  /** What the payment provider was asked to refund for the order, oldest first. */
  const gatewayRefunds = async (orderId: string) =>
    (
      await t.sql<{ amount: string; reason: string }>(
        `SELECT r.amount_minor AS amount, r.reason FROM refunds r JOIN payments p ON p.id = r.payment_id
          WHERE p.order_id = $1 ORDER BY r.created_at, r.id`,
        [orderId],
      )
    ).map((r) => Number(r.amount));

  /** The fee's reversal as the ledger holds it: REFUND entries and recorded refunds of it, with their postings. */
  async function feeReversals(orderId: string, merchantId: string) {
    const postings = await t.sql<{ purpose: string; amount: string }>(
      `SELECT a.purpose, p.amount_minor AS amount FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE e.kind = 'REFUND' AND e.source_id = $1 ORDER BY a.purpose`,
      [`shipping:${orderId}:${merchantId}`],
    );
    const [rows] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM sale_shipping_fee_refunds WHERE order_id = $1 AND merchant_id = $2`,
      [orderId, merchantId],
    );
    return { postings: postings.map((p) => [p.purpose, Number(p.amount)]), rows: Number(rows!.n) };
  }
  const ONE_REVERSAL = (fee: number) => ({
    postings: [
      ['MERCHANT_PAYABLE', fee],
      ['PAYMENT_CLEARING', -fee],
    ],
    rows: 1,
  });
  const NO_REVERSAL = { postings: [], rows: 0 };

  const orderView = async (id: string) =>
    (
      await t.gql(
        `query($id: ID!) { order(id: $id) { status total { amountMinor }
           delivery { fee { amountMinor } feeRefunded { amountMinor currency } merchants { merchantId fee { amountMinor } feeRefunded { amountMinor } } }
           lines { id refunded { amountMinor } } } }`,
        { id },
        buyer.token,
      )
    ).data!.order;
  const feeRefundedOf = (order: any, shop: Shop) =>
    order.delivery.merchants.find((m: { merchantId: string }) => m.merchantId === merchantOf(shop)).feeRefunded
      .amountMinor;

  const reconcile = async () =>
    (
      await t.gql(
        `query($from: Date!, $to: Date!) { reconciliation(from: $from, to: $to) { discrepancies { check reference detail } } }`,
        { from: dayOffset(t, -1), to: dayOffset(t, 1) },
        platform.token,
      )
    ).data!.reconciliation.discrepancies as { check: string; reference: string; detail: string }[];

  it('a shared order: the refund that completes merchant a’s unshipped part gives a’s fee back in the same provider refund; b, refunded in part, keeps its fee', async () => {
    const order = await paidOrder([
      { variantId: a.variantId, quantity: 2 },
      { variantId: aSecondVariant, quantity: 1 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    const [aTees, aStickers, bTee] = order.lines as [string, string, string];
    expect((await refundLine(a, aTees, 9_900)).errors).toBeUndefined();
    expect((await refundLine(a, aTees)).errors).toBeUndefined();
    expect((await refundLine(b, bTee, 5_000)).errors).toBeUndefined();
    // a's part is not complete yet (its stickers are still paid for): no fee.
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(NO_REVERSAL);
    expect((await refundLine(a, aStickers)).errors).toBeUndefined();

    // One provider refund per line refund; the last of a's carries a's fee with the stickers.
    expect(await gatewayRefunds(order.id)).toEqual([9_900, 9_900, 5_000, 500 + FEE_A]);
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));
    expect(await feeReversals(order.id, merchantOf(b))).toEqual(NO_REVERSAL);
    const view = await orderView(order.id);
    expect(view.status).toBe('PARTIALLY_REFUNDED');
    expect(view.delivery.feeRefunded).toEqual(money(FEE_A));
    expect(feeRefundedOf(view, a)).toBe(FEE_A);
    expect(feeRefundedOf(view, b)).toBe(0);

    // b's staff see only their own part: nothing of theirs was given back.
    const seenByB = (
      await t.gql(
        `query($m: ID!) { merchantOrders(merchantId: $m) { edges { node { id delivery { feeRefunded { amountMinor } merchants { merchantId } } } } } }`,
        { m: merchantOf(b) },
        b.licensed.merchant.token,
      )
    ).data!.merchantOrders.edges.find((e: { node: { id: string } }) => e.node.id === order.id).node;
    expect(seenByB.delivery).toEqual({ feeRefunded: { amountMinor: 0 }, merchants: [{ merchantId: merchantOf(b) }] });

    // The rest of b's line completes b's part: b's fee goes back too, once.
    expect((await refundLine(b, bTee)).errors).toBeUndefined();
    expect(await gatewayRefunds(order.id)).toEqual([9_900, 9_900, 5_000, 500 + FEE_A, 4_900 + FEE_B]);
    expect(await feeReversals(order.id, merchantOf(b))).toEqual(ONE_REVERSAL(FEE_B));
    const refunded = await orderView(order.id);
    expect(refunded.status).toBe('REFUNDED');
    expect(refunded.delivery.feeRefunded).toEqual(money(FEE_A + FEE_B));
    // Everything paid went back: the provider refunded the whole total.
    expect((await gatewayRefunds(order.id)).reduce((x, y) => x + y, 0)).toBe(refunded.total.amountMinor);

    // The buyer was told of each refund, the fee named in the ones that carried it.
    const told = await t.sql<{ amount: number; shipping: number | null }>(
      `SELECT (payload->'amount'->>'amountMinor')::int AS amount, (payload->'shippingRefund'->>'amountMinor')::int AS shipping
         FROM notifications WHERE order_id = $1 AND kind = 'ORDER_LINE_REFUNDED' ORDER BY created_at, id`,
      [order.id],
    );
    expect(told.map((n) => [n.amount, n.shipping])).toEqual([
      [9_900, null],
      [9_900, null],
      [5_000, null],
      [500, FEE_A],
      [4_900, FEE_B],
    ]);
  });

  it('once a line of the merchant has shipped, the fee is kept however much is refunded; a line being refunded in full cannot ship', async () => {
    const order = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: aSecondVariant, quantity: 1 },
    ]);
    const [tee, sticker] = order.lines as [string, string];
    const shipped = await t.gql(
      contractOperation('ShipOrderLines'),
      { orderId: order.id, lineIds: [tee], carrier: '顺丰速运', trackingNumber: 'SF0000000001' },
      a.licensed.merchant.token,
    );
    expect(shipped.errors).toBeUndefined();
    expect((await refundLine(a, tee)).errors).toBeUndefined();
    expect((await refundLine(a, sticker)).errors).toBeUndefined();
    expect(await gatewayRefunds(order.id)).toEqual([9_900, 500]);
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(NO_REVERSAL);
    const view = await orderView(order.id);
    expect(view.status).toBe('REFUNDED');
    expect(view.delivery.feeRefunded).toEqual(money(0));

    // A refund still with the provider counts as refunded: its line no longer ships.
    const other = await paidOrder([{ variantId: aSecondVariant, quantity: 1 }]);
    await t.sql(
      `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by)
       VALUES ($1, $2, 500, 'CNY', 'PENDING', $3)`,
      [other.id, other.lines[0], buyer.userId],
    );
    const refused = await t.gql(
      contractOperation('ShipOrderLines'),
      { orderId: other.id, lineIds: other.lines, carrier: '顺丰速运', trackingNumber: 'SF0000000002' },
      a.licensed.merchant.token,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
  });

  it('two refunds completing the part at once, by the merchant or by approving two buyer requests: the fee goes back exactly once, and the buyer’s email says so', async () => {
    const direct = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: aSecondVariant, quantity: 1 },
    ]);
    racedOrders.push(direct.id);
    const results = await Promise.all(direct.lines.map((id) => refundLine(a, id)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    // Whichever refund came second completed the part and carried the fee.
    const both = (await gatewayRefunds(direct.id)).sort((x, y) => x - y);
    expect([
      [500, 9_900 + FEE_A],
      [500 + FEE_A, 9_900],
    ]).toContainEqual(both);
    expect(await feeReversals(direct.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));

    const requested = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: aSecondVariant, quantity: 1 },
    ]);
    racedOrders.push(requested.id);
    const requestIds: string[] = [];
    for (const lineId of requested.lines) {
      const asked = await t.gql(
        contractOperation('RequestRefund'),
        { orderLineId: lineId, reason: '不想要了' },
        buyer.token,
      );
      expect(asked.errors).toBeUndefined();
      requestIds.push(asked.data!.requestRefund.id);
    }
    const decided = await Promise.all(
      requestIds.map((id) =>
        t.gql(contractOperation('DecideRefundRequest'), { id, approve: true }, a.licensed.merchant.token),
      ),
    );
    expect(decided.map((d) => d.errors)).toEqual([undefined, undefined]);
    expect([
      [500, 9_900 + FEE_A],
      [500 + FEE_A, 9_900],
    ]).toContainEqual((await gatewayRefunds(requested.id)).sort((x, y) => x - y));
    expect(await feeReversals(requested.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));
    expect(feeRefundedOf(await orderView(requested.id), a)).toBe(FEE_A);
    const emails = await t.sql<{ payload: { shippingRefund: unknown } }>(
      `SELECT payload FROM notifications WHERE order_id = $1 AND kind = 'REFUND_REQUEST_DECIDED'`,
      [requested.id],
    );
    expect(emails.map((e) => e.payload.shippingRefund)).toEqual(expect.arrayContaining([money(FEE_A), null]));
    expect(emails).toHaveLength(2);
  });

  it('a provider’s refund news, duplicated, settles the refund carrying the fee once; a replayed ledger event reverses nothing twice', async () => {
    const order = await paidOrder([
      { variantId: a.variantId, quantity: 1 },
      { variantId: aSecondVariant, quantity: 1 },
    ]);
    const [tee, sticker] = order.lines as [string, string];
    expect((await refundLine(a, tee)).errors).toBeUndefined();
    // As with Stripe, the completing refund was recorded and asked for, and the provider's answer is still to come.
    const [pending] = await t.sql<{ id: string }>(
      `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by, restock, shipping_minor, shipping_merchant_id)
       VALUES ($1, $2, 500, 'CNY', 'PENDING', $3, true, $4, $5) RETURNING id`,
      [order.id, sticker, buyer.userId, FEE_A, merchantOf(a)],
    );
    const [payment] = await t.sql<{ id: string; providerPaymentId: string; amount: string }>(
      `SELECT id, provider_payment_id AS "providerPaymentId", amount_minor AS amount FROM payments WHERE order_id = $1`,
      [order.id],
    );
    const bus = t.app.get(DomainEventBus);
    const dataSource = t.app.get(DataSource);
    const news = (totalMinor: number): RefundSucceeded => ({
      type: 'RefundSucceeded',
      provider: 'development',
      paymentId: payment!.id,
      providerPaymentId: payment!.providerPaymentId,
      orderId: order.id,
      amount: Money.of(Number(payment!.amount), 'CNY'),
      refunded: Money.of(totalMinor - 9_900, 'CNY'),
      refundedTotal: Money.of(totalMinor, 'CNY'),
      occurredAt: t.clock.now(),
    });
    const publish = (event: RefundSucceeded | OrderLineRefunded) =>
      dataSource.transaction((m) => bus.publish(event, m));

    // News covering the sticker alone does not settle the refund: it was asked for with the fee.
    await publish(news(9_900 + 500));
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(NO_REVERSAL);
    // The provider refunds it (its news settles it), and its news comes again.
    await t.app.get(PaymentService).refund({
      providerPaymentId: payment!.providerPaymentId,
      amount: Money.of(500 + FEE_A, 'CNY'),
      idempotencyKey: `order-refund-${pending!.id}`,
      reason: 'Refund of order line and its merchant’s shipping fee',
    });
    expect(await gatewayRefunds(order.id)).toEqual([9_900, 500 + FEE_A]);
    await publish(news(9_900 + 500 + FEE_A));
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));
    expect(feeRefundedOf(await orderView(order.id), a)).toBe(FEE_A);

    // The settled event itself, delivered again: the ledger posts neither the line nor the fee twice.
    const [settled] = await t.sql<{ before: string; after: string; at: Date }>(
      `SELECT refunded_before_minor AS before, refunded_after_minor AS after, settled_at AS at FROM order_refunds WHERE id = $1`,
      [pending!.id],
    );
    const balanceOf = async () =>
      (
        await t.sql<{ balance: string }>(
          `SELECT balance_minor AS balance FROM ledger_accounts WHERE purpose = 'MERCHANT_PAYABLE' AND party_id = $1`,
          [merchantOf(a)],
        )
      )[0]!.balance;
    const before = await balanceOf();
    await publish({
      type: 'OrderLineRefunded',
      orderId: order.id,
      orderLineId: sticker,
      refundId: pending!.id,
      currency: 'CNY',
      amountMinor: 500,
      refundedBeforeMinor: Number(settled!.before),
      refundedAfterMinor: Number(settled!.after),
      refundedAt: settled!.at,
      shippingFee: { merchantId: merchantOf(a), feeMinor: FEE_A },
    });
    expect(await balanceOf()).toBe(before);
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));

    // Another refund claiming the same fee is refused whole; the refund row is append-only.
    await expect(
      publish({
        type: 'OrderLineRefunded',
        orderId: order.id,
        orderLineId: tee,
        refundId: '00000000-0000-4000-8000-000000000001',
        currency: 'CNY',
        amountMinor: 1,
        refundedBeforeMinor: 9_900,
        refundedAfterMinor: 9_901,
        refundedAt: t.clock.now(),
        shippingFee: { merchantId: merchantOf(a), feeMinor: FEE_A },
      }),
    ).rejects.toThrow(/already refunded/);
    await expect(
      t.sql(`UPDATE sale_shipping_fee_refunds SET amount_minor = 1 WHERE order_id = $1`, [order.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('a fee already paid out comes back out of the merchant’s payable: a negative balance, as with line refunds', async () => {
    const account = await t.gql(
      `mutation($o: ID!, $a: String) { setPayoutAccount(organizationId: $o, payoutAccountId: $a) { payoutAccountId } }`,
      { o: merchantOf(a), a: 'acct_ShipRefund000001' },
      a.licensed.merchant.token,
    );
    expect(account.errors).toBeUndefined();
    // Refunded in full before any payout: neither the share nor the fee given back is due.
    const unpaid = await paidOrder([{ variantId: aSecondVariant, quantity: 1 }]);
    expect((await refundLine(a, unpaid.lines[0]!)).errors).toBeUndefined();
    const nothing = await t.gql(
      `mutation($m: ID!, $o: ID!) { payMerchantOrder(merchantId: $m, orderId: $o) { amount { amountMinor } } }`,
      { m: merchantOf(a), o: unpaid.id },
      a.licensed.merchant.token,
    );
    expect(errorCode(nothing)).toBe('CONFLICT');
    expect(nothing.errors![0]!.message).toBe('Nothing is due to pay out');

    const order = await paidOrder([{ variantId: aSecondVariant, quantity: 1 }]);
    const [split] = await t.sql<{ share: string }>(
      `SELECT merchant_minor AS share FROM sale_line_splits WHERE order_line_id = $1`,
      [order.lines[0]],
    );
    const share = Number(split!.share);
    const paidOut = await t.gql(
      `mutation($m: ID!, $o: ID!) { payMerchantOrder(merchantId: $m, orderId: $o) { amount { amountMinor } status } }`,
      { m: merchantOf(a), o: order.id },
      a.licensed.merchant.token,
    );
    expect(paidOut.data?.payMerchantOrder).toEqual({ amount: { amountMinor: share + FEE_A }, status: 'PAID' });
    const payable = async () =>
      Number(
        (
          await t.sql<{ balance: string }>(
            `SELECT balance_minor AS balance FROM ledger_accounts WHERE purpose = 'MERCHANT_PAYABLE' AND party_id = $1`,
            [merchantOf(a)],
          )
        )[0]!.balance,
      );
    const before = await payable();
    expect((await refundLine(a, order.lines[0]!)).errors).toBeUndefined();
    expect(await gatewayRefunds(order.id)).toEqual([500 + FEE_A]);
    // The merchant now owes back its share and the fee it was paid out: the payable moves by both (a credit balance
    // is owed to the merchant; this order now debits it).
    expect((await payable()) - before).toBe(share + FEE_A);
    expect(await feeReversals(order.id, merchantOf(a))).toEqual(ONE_REVERSAL(FEE_A));
    // And the order owes it nothing more: a rerun pays nothing for it.
    const run = await t.gql(`mutation { runDuePayouts(currency: "CNY") { payouts { orderId } } }`, {}, platform.token);
    expect(run.errors).toBeUndefined();
    const paidNow = run.data!.runDuePayouts.payouts.map((p: { orderId: string }) => p.orderId);
    expect(paidNow).not.toContain(order.id);
    expect(paidNow).not.toContain(unpaid.id);
  });

  it('reconciliation: every fee and every fee given back posted whole, and the provider’s refunds match the ledger’s', async () => {
    const found = await reconcile();
    expect(found.filter((d) => d.check === 'SHIPPING_POSTINGS')).toEqual([]);
    // The provider refunded each line with its fee, and the ledger reversed exactly that.
    expect(found.filter((d) => d.check === 'PROVIDER_REFUND_MISMATCH' && !racedOrders.includes(d.reference))).toEqual(
      [],
    );
    // A fee's reversal that does not match its fee is named (only a hand-written entry could do that).
    const [fee] = await t.sql<{ orderId: string; merchantId: string }>(
      `SELECT order_id AS "orderId", merchant_id AS "merchantId" FROM sale_shipping_fee_refunds LIMIT 1`,
    );
    await t.sql(`UPDATE sale_shipping_fees SET fee_minor = fee_minor + 1 WHERE order_id = $1 AND merchant_id = $2`, [
      fee!.orderId,
      fee!.merchantId,
    ]);
    try {
      expect((await reconcile()).filter((d) => d.check === 'SHIPPING_POSTINGS')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ reference: `${fee!.orderId}:${fee!.merchantId}` }),
          expect.objectContaining({ reference: `${fee!.orderId}:${fee!.merchantId}:refund` }),
        ]),
      );
    } finally {
      await t.sql(`UPDATE sale_shipping_fees SET fee_minor = fee_minor - 1 WHERE order_id = $1 AND merchant_id = $2`, [
        fee!.orderId,
        fee!.merchantId,
      ]);
    }
    expect((await reconcile()).filter((d) => d.check === 'SHIPPING_POSTINGS')).toEqual([]);
  });
});
