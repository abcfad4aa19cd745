import { contractOperation } from './support/contract';
import { idempotencyKey, openShop, Shop, stockOf } from './support/orders';
import { dayOffset } from './support/licensing';
import { Party, platformAdmin, signUp } from './support/parties';
import { countQueries } from './support/query-count';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

const ADDRESS = {
  recipient: '王小明',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '松江区',
  street: '车墩镇影视路 1 号',
  postalCode: '201611',
};

/** OrderDetail's delivery and shipment parts (its tickets' venue belongs to after-sales). */
const ORDER_DELIVERY = `query($id: ID!) {
  order(id: $id) {
    id status total { amountMinor currency }
    delivery { method address { recipient phone province city district street postalCode } fee { amountMinor currency }
               merchants { merchantId fee { amountMinor } pickupCode handedOverAt } }
    lines { id kind productName quantity merchantId total { amountMinor currency } shipment { carrier trackingNumber shippedAt } }
  }
}`;

const MERCHANT_ORDERS = `query($merchantId: ID!) {
  merchantOrders(merchantId: $merchantId) { edges { node {
    id status total { amountMinor }
    delivery { method address { recipient phone district } fee { amountMinor } merchants { merchantId pickupCode } }
    lines { id merchantId shipment { trackingNumber } }
  } } }
}`;

const money = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

describe('delivery: options, checkout with delivery, shipping and pickup', () => {
  let t: TestApp;
  let a: Shop;
  let b: Shop;
  let buyer: Party;

  beforeAll(async () => {
    // Low ceilings, so a fee at the amount ceiling can push an order past the order-total ceiling.
    t = await startTestApp({
      env: {
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        OPEN_ORDERS_PER_ACCOUNT: '20',
        AMOUNT_CEILING_MINOR: '50000',
        ORDER_TOTAL_CEILING_MINOR: '100000',
      },
    });
    [a, b] = [await openShop(t, { stock: 50 }), await openShop(t, { stock: 50 })];
    buyer = await signUp(t, 'delivery-buyer');
  });
  afterAll(() => t.close());

  const setOptions = (shop: Shop, vars: Record<string, unknown>, token = shop.licensed.merchant.token) =>
    t.gql(
      contractOperation('SetDeliveryOptions'),
      { merchantId: shop.licensed.merchant.organizationId, ...vars },
      token,
    );
  const checkoutWith = (lines: unknown[], delivery: unknown, key = idempotencyKey()): Promise<GqlResult<any>> =>
    t.gql(contractOperation('CheckoutWithDelivery'), { idempotencyKey: key, lines, delivery }, buyer.token);
  const pay = async (orderId: string) => {
    const res = await t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { status } }`,
      { id: orderId },
      buyer.token,
    );
    expect(res.errors).toBeUndefined();
  };
  const detail = async (id: string, token = buyer.token) => (await t.gql(ORDER_DELIVERY, { id }, token)).data!.order;
  const ship = (shop: Shop, orderId: string, lineIds: string[], token = shop.licensed.merchant.token) =>
    t.gql(
      contractOperation('ShipOrderLines'),
      { orderId, lineIds, carrier: '顺丰速运', trackingNumber: 'SF1234567890' },
      token,
    );

  it('every merchant offers pickup only until it sets its options; staff set shipping with a fee and a free threshold', async () => {
    const before = await t.gql(
      `query($ids: [ID!]!) { deliveryOptions(merchantIds: $ids) { merchantId pickup ship shippingFee { amountMinor } } }`,
      {
        ids: [a.licensed.merchant.organizationId],
      },
    );
    expect(before.data!.deliveryOptions).toEqual([
      { merchantId: a.licensed.merchant.organizationId, pickup: true, ship: false, shippingFee: null },
    ]);

    const set = await setOptions(a, {
      pickup: true,
      ship: true,
      shippingFee: money(1200),
      freeShippingFrom: money(30000),
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setDeliveryOptions).toEqual({
      pickup: true,
      ship: true,
      shippingFee: money(1200),
      freeShippingFrom: money(30000),
    });
    expect(errorCode(await setOptions(a, { pickup: true, ship: true }, b.licensed.merchant.token))).toBe('FORBIDDEN');
    expect(errorCode(await setOptions(a, { pickup: false, ship: false }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await setOptions(a, { pickup: true, ship: true, shippingFee: null }))).toBe('BAD_USER_INPUT');
    const huge = await setOptions(a, { pickup: true, ship: true, shippingFee: money(Number.MAX_SAFE_INTEGER) });
    expect(errorCode(huge)).toBe('BAD_USER_INPUT');
  });

  it('a merchant that offers only pickup, and a buyer asking for shipping: BAD_USER_INPUT naming the merchant, nothing reserved', async () => {
    const [{ n: ordersBefore }] = (await t.sql<{ n: string }>(`SELECT count(*) AS n FROM orders`)) as [{ n: string }];
    const stockBefore = await stockOf(t, b.variantId);
    const res = await checkoutWith(
      [
        { variantId: a.variantId, quantity: 1 },
        { variantId: b.variantId, quantity: 1 },
      ],
      { method: 'SHIP', address: ADDRESS },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const [{ name }] = (await t.sql<{ name: string }>(`SELECT name FROM organizations WHERE id = $1`, [
      b.licensed.merchant.organizationId,
    ])) as [{ name: string }];
    expect(res.errors![0]!.message).toContain(name);
    expect(res.errors![0]!.extensions).toMatchObject({
      merchantId: b.licensed.merchant.organizationId,
      merchantName: name,
    });
    expect(await stockOf(t, b.variantId)).toEqual(stockBefore);
    expect((await stockOf(t, a.variantId)).reserved).toBe(0);
    const [{ n: ordersAfter }] = (await t.sql<{ n: string }>(`SELECT count(*) AS n FROM orders`)) as [{ n: string }];
    expect(ordersAfter).toBe(ordersBefore);
  });

  it('an address with an invalid phone or a missing district: BAD_USER_INPUT naming the field; SHIP without an address too', async () => {
    const line = [{ variantId: a.variantId, quantity: 1 }];
    for (const [patch, field] of [
      [{ phone: '12345' }, 'phone'],
      [{ phone: '1380013800a' }, 'phone'],
      [{ district: '' }, 'district'],
      [{ district: '   ' }, 'district'],
      [{ postalCode: '2016' }, 'postalCode'],
    ] as const) {
      const res = await checkoutWith(line, { method: 'SHIP', address: { ...ADDRESS, ...patch } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors![0]!.extensions)).toContain(`address.${field}`);
    }
    const missing = await checkoutWith(line, { method: 'SHIP', address: { ...ADDRESS, district: undefined } });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toContain('district');
    const noAddress = await checkoutWith(line, { method: 'SHIP' });
    expect(errorCode(noAddress)).toBe('BAD_USER_INPUT');
    expect(noAddress.errors![0]!.extensions).toMatchObject({ field: 'delivery.address' });
    expect((await stockOf(t, a.variantId)).reserved).toBe(0);
  });

  it('ships: the total includes each merchant’s fee, merchants see only their own, the address is saved and the ledger pays the fee to the merchant whole', async () => {
    await setOptions(b, { pickup: false, ship: true, shippingFee: money(800), freeShippingFrom: null });
    // a: 2 × 99.00 = 198.00 < 300.00, fee 12.00. b: 99.00, fee 8.00.
    const placed = await checkoutWith(
      [
        { variantId: a.variantId, quantity: 2 },
        { variantId: b.variantId, quantity: 1 },
      ],
      {
        method: 'SHIP',
        address: { ...ADDRESS, phone: '+86 138-0013-8000' },
      },
    );
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.checkout.order.id as string;
    expect(placed.data!.checkout.order.total).toEqual(money(3 * 9900 + 1200 + 800));
    const [payment] = await t.sql<{ amount: string }>(
      `SELECT amount_minor AS amount FROM payments WHERE order_id = $1`,
      [orderId],
    );
    expect(Number(payment!.amount)).toBe(3 * 9900 + 2000);

    const addresses = await t.gql(`{ myAddresses { id recipient phone district postalCode } }`, {}, buyer.token);
    expect(addresses.data!.myAddresses).toEqual([
      {
        id: expect.any(String),
        recipient: '王小明',
        phone: '+8613800138000',
        district: '松江区',
        postalCode: '201611',
      },
    ]);

    await pay(orderId);
    const order = await detail(orderId);
    expect(order.delivery).toMatchObject({
      method: 'SHIP',
      address: { ...ADDRESS, phone: '+8613800138000' },
      fee: money(2000),
    });
    expect(order.delivery.merchants.map((m: { pickupCode: string | null }) => m.pickupCode)).toEqual([null, null]);
    expect(order.lines.every((l: { shipment: unknown }) => l.shipment === null)).toBe(true);

    const seenByA = (
      await t.gql(MERCHANT_ORDERS, { merchantId: a.licensed.merchant.organizationId }, a.licensed.merchant.token)
    )
      .data!.merchantOrders.edges.map((e: { node: any }) => e.node)
      .find((n: { id: string }) => n.id === orderId);
    expect(seenByA.total).toEqual({ amountMinor: 2 * 9900 + 1200 });
    expect(seenByA.delivery).toEqual({
      method: 'SHIP',
      address: { recipient: '王小明', phone: '+8613800138000', district: '松江区' },
      fee: { amountMinor: 1200 },
      merchants: [{ merchantId: a.licensed.merchant.organizationId, pickupCode: null }],
    });
    expect(seenByA.lines.map((l: { merchantId: string }) => l.merchantId)).toEqual([
      a.licensed.merchant.organizationId,
    ]);

    // The fee is the merchant's revenue: no royalty, no platform fee; its payable holds share + fee.
    const fees = await t.sql<{ merchant: string; fee: string }>(
      `SELECT merchant_id AS merchant, fee_minor AS fee FROM sale_shipping_fees WHERE order_id = $1 ORDER BY fee_minor`,
      [orderId],
    );
    expect(fees.map((f) => [f.merchant, Number(f.fee)])).toEqual([
      [b.licensed.merchant.organizationId, 800],
      [a.licensed.merchant.organizationId, 1200],
    ]);
    const postings = await t.sql<{ purpose: string; amount: string }>(
      `SELECT a.purpose, p.amount_minor AS amount FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
        WHERE e.kind = 'SALE' AND e.source_id = $1 ORDER BY a.purpose`,
      [`shipping:${orderId}:${a.licensed.merchant.organizationId}`],
    );
    expect(postings.map((p) => [p.purpose, Number(p.amount)])).toEqual([
      ['MERCHANT_PAYABLE', -1200],
      ['PAYMENT_CLEARING', 1200],
    ]);
  });

  it('ships lines with carrier and tracking: the buyer is emailed and sees it; another merchant’s line or a second shipment is refused', async () => {
    const placed = await checkoutWith(
      [
        { variantId: a.variantId, quantity: 1 },
        { variantId: b.variantId, quantity: 1 },
      ],
      { method: 'SHIP', address: ADDRESS },
    );
    const orderId = placed.data!.checkout.order.id as string;
    const before = await detail(orderId);
    const lineOf = (shop: Shop) =>
      before.lines.find((l: { merchantId: string }) => l.merchantId === shop.licensed.merchant.organizationId)
        .id as string;
    expect(errorCode(await ship(a, orderId, [lineOf(a)]))).toBe('CONFLICT'); // not paid yet
    await pay(orderId);

    expect(errorCode(await ship(a, orderId, [lineOf(b)]))).toBe('NOT_FOUND');
    expect(errorCode(await ship(a, orderId, [lineOf(a), lineOf(b)]))).toBe('NOT_FOUND');
    expect(errorCode(await ship(a, orderId, [lineOf(a)], buyer.token))).toBe('NOT_FOUND');

    const shipped = await ship(a, orderId, [lineOf(a)]);
    expect(shipped.errors).toBeUndefined();
    expect(shipped.data!.shipOrderLines.lines).toEqual([
      {
        id: lineOf(a),
        shipment: { carrier: '顺丰速运', trackingNumber: 'SF1234567890', shippedAt: expect.any(String) },
      },
    ]);
    expect(errorCode(await ship(a, orderId, [lineOf(a)]))).toBe('CONFLICT');

    const after = await detail(orderId);
    expect(after.status).toBe('PAID');
    expect(after.lines.find((l: { id: string }) => l.id === lineOf(a)).shipment).toMatchObject({
      trackingNumber: 'SF1234567890',
    });
    const mail = await t.gql(
      `query($id: ID) { devNotifications(orderId: $id) { kind payload } }`,
      { id: orderId },
      buyer.token,
    );
    const shippedMail = mail.data!.devNotifications.find((n: { kind: string }) => n.kind === 'ORDER_SHIPPED');
    expect(JSON.parse(shippedMail.payload)).toMatchObject({
      orderId,
      carrier: '顺丰速运',
      trackingNumber: 'SF1234567890',
    });

    expect((await ship(b, orderId, [lineOf(b)])).errors).toBeUndefined();
    expect((await detail(orderId)).status).toBe('FULFILLED');
  });

  it('the outbox takes both a shipping email and a refund-request email on one order: no migration dropped the other’s kind', async () => {
    const placed = await checkoutWith([{ variantId: a.variantId, quantity: 1 }], { method: 'SHIP', address: ADDRESS });
    const orderId = placed.data!.checkout.order.id as string;
    await pay(orderId);
    const read = await t.gql(contractOperation('OrderDetail'), { id: orderId }, buyer.token);
    expect(read.errors).toBeUndefined();
    const lineId = read.data!.order.lines[0].id as string;
    expect((await ship(a, orderId, [lineId])).errors).toBeUndefined();
    const asked = await t.gql(
      contractOperation('RequestRefund'),
      { orderLineId: lineId, reason: 'Arrived torn' },
      buyer.token,
    );
    expect(asked.errors).toBeUndefined();
    const kinds = await t.sql<{ kind: string }>(`SELECT kind FROM notifications WHERE order_id = $1 ORDER BY kind`, [
      orderId,
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(['ORDER_CONFIRMATION', 'ORDER_SHIPPED', 'REFUND_REQUESTED']);
  });

  it('OrderDetail (the contract operation): delivery, shipments and each ticket with its venue', async () => {
    const placed = await checkoutWith(
      [
        { variantId: a.variantId, quantity: 1 },
        { timeSlotId: a.slotId, ticketTypeId: a.ticketTypeIds[0]!, quantity: 1 },
      ],
      { method: 'SHIP', address: ADDRESS },
    );
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.checkout.order.id as string;
    await pay(orderId);
    const before = (await t.gql(contractOperation('OrderDetail'), { id: orderId }, buyer.token)).data!.order;
    const merch = before.lines.find((l: { kind: string }) => l.kind === 'MERCHANDISE');
    expect((await ship(a, orderId, [merch.id])).errors).toBeUndefined();
    const res = await t.gql(contractOperation('OrderDetail'), { id: orderId }, buyer.token);
    expect(res.errors).toBeUndefined();
    const order = res.data!.order;
    expect(order).toMatchObject({
      id: orderId,
      status: 'PAID',
      delivery: { method: 'SHIP', address: ADDRESS, fee: { currency: 'CNY' } },
    });
    expect(order.total.amountMinor).toBe(
      before.lines.reduce((sum: number, l: { total: { amountMinor: number } }) => sum + l.total.amountMinor, 0) +
        order.delivery.fee.amountMinor,
    );
    expect(order.lines.find((l: { id: string }) => l.id === merch.id).shipment).toEqual({
      carrier: '顺丰速运',
      trackingNumber: 'SF1234567890',
      shippedAt: expect.any(String),
    });
    expect(order.lines.find((l: { kind: string }) => l.kind === 'EXPERIENCE').shipment).toBeNull();
    expect(order.tickets).toEqual([
      {
        code: expect.any(String),
        productName: expect.any(String),
        ticketTypeName: expect.anything(),
        startsAt: expect.any(String),
        venue: { name: expect.any(String), nameZh: expect.anything() },
        redeemedAt: null,
      },
    ]);
  });

  it('pickup: the buyer alone sees the code once paid; the merchant hands over by it once; shipping a pickup is refused', async () => {
    const where = '上海市松江区车墩镇影视路 8 号';
    const setWhere = await t.gql(
      `mutation($i: SetDeliveryOptionsInput!) { setDeliveryOptions(input: $i) { pickupAddress } }`,
      {
        i: {
          merchantId: a.licensed.merchant.organizationId,
          pickup: true,
          ship: true,
          shippingFee: money(1200),
          freeShippingFrom: money(30000),
          pickupAddress: where,
        },
      },
      a.licensed.merchant.token,
    );
    expect(setWhere.data!.setDeliveryOptions).toEqual({ pickupAddress: where });
    // Saving options without an address keeps the one set.
    expect(
      (await setOptions(a, { pickup: true, ship: true, shippingFee: money(1200), freeShippingFrom: money(30000) }))
        .errors,
    ).toBeUndefined();
    const placed = await checkoutWith([{ variantId: a.variantId, quantity: 1 }], { method: 'PICKUP' });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.checkout.order.id as string;
    expect(placed.data!.checkout.order.total).toEqual(money(9900));
    expect((await detail(orderId)).delivery.merchants[0].pickupCode).toBeNull();
    await pay(orderId);
    const order = await detail(orderId);
    expect(order.delivery).toMatchObject({ method: 'PICKUP', address: null, fee: money(0) });
    const read = await t.gql(
      `query($id: ID!) { order(id: $id) { delivery { merchants { pickupAddress } } } }`,
      { id: orderId },
      buyer.token,
    );
    expect(read.data!.order.delivery.merchants).toEqual([{ pickupAddress: where }]);
    const code = order.delivery.merchants[0].pickupCode as string;
    expect(code).toMatch(/^[A-Z2-7]{16}$/);
    const mail = await t.gql(
      `query($id: ID) { devNotifications(orderId: $id) { kind payload } }`,
      { id: orderId },
      buyer.token,
    );
    const confirmation = mail.data!.devNotifications.find((n: { kind: string }) => n.kind === 'ORDER_CONFIRMATION');
    expect(JSON.parse(confirmation.payload).pickupCodes).toEqual([code]);
    const seenByA = (
      await t.gql(MERCHANT_ORDERS, { merchantId: a.licensed.merchant.organizationId }, a.licensed.merchant.token)
    )
      .data!.merchantOrders.edges.map((e: { node: any }) => e.node)
      .find((n: { id: string }) => n.id === orderId);
    expect(seenByA.delivery.merchants).toEqual([{ merchantId: a.licensed.merchant.organizationId, pickupCode: null }]);

    expect(errorCode(await ship(a, orderId, [order.lines[0].id]))).toBe('CONFLICT');
    const handOver = (token: string, c = code) =>
      t.gql(`mutation($c: String!) { handOverPickup(code: $c) { id status lines { fulfilment } } }`, { c }, token);
    expect(errorCode(await handOver(b.licensed.merchant.token))).toBe('NOT_FOUND');
    expect(errorCode(await handOver(buyer.token))).toBe('NOT_FOUND');
    const handed = await handOver(a.licensed.merchant.token, ` ${code.toLowerCase()} `);
    expect(handed.errors).toBeUndefined();
    expect(handed.data!.handOverPickup).toEqual({
      id: orderId,
      status: 'FULFILLED',
      lines: [{ fulfilment: 'PICKED_UP' }],
    });
    expect(errorCode(await handOver(a.licensed.merchant.token))).toBe('CONFLICT');
  });

  it('free shipping from the threshold on the merchant’s own goods; a plain Checkout is a pickup order', async () => {
    const free = await checkoutWith([{ variantId: a.variantId, quantity: 4 }], { method: 'SHIP', address: ADDRESS });
    expect(free.data!.checkout.order.total).toEqual(money(4 * 9900));
    const plain = await t.gql(
      contractOperation('Checkout'),
      { idempotencyKey: idempotencyKey(), lines: [{ variantId: a.variantId, quantity: 1 }] },
      buyer.token,
    );
    expect(plain.errors).toBeUndefined();
    expect((await detail(plain.data!.checkout.order.id)).delivery).toMatchObject({ method: 'PICKUP', fee: money(0) });
    // The same key with another delivery is another checkout.
    const key = idempotencyKey();
    expect(
      (await checkoutWith([{ variantId: a.variantId, quantity: 1 }], { method: 'PICKUP' }, key)).errors,
    ).toBeUndefined();
    expect(
      errorCode(
        await checkoutWith([{ variantId: a.variantId, quantity: 1 }], { method: 'SHIP', address: ADDRESS }, key),
      ),
    ).toBe('CONFLICT');
  });

  it('an experience-only order has no delivery', async () => {
    const res = await checkoutWith([{ timeSlotId: a.slotId, ticketTypeId: a.ticketTypeIds[0]!, quantity: 1 }], {
      method: 'SHIP',
      address: ADDRESS,
    });
    expect(res.errors).toBeUndefined();
    expect((await detail(res.data!.checkout.order.id)).delivery).toBeNull();
  });

  it('the shipping fee is a money input held to the amount ceiling, and the order-total ceiling counts it', async () => {
    const over = await setOptions(b, { pickup: false, ship: true, shippingFee: money(50_001) });
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(over.errors![0]!.extensions)).toContain('shippingFee');
    expect(
      errorCode(
        await setOptions(b, { pickup: false, ship: true, shippingFee: money(800), freeShippingFrom: money(50_001) }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await setOptions(b, { pickup: false, ship: true, shippingFee: money(50_000) })).errors).toBeUndefined();
    // 6 × 99.00 = 594.00 is under the 1 000.00 ceiling; with the 500.00 fee it is not.
    const res = await checkoutWith([{ variantId: b.variantId, quantity: 6 }], { method: 'SHIP', address: ADDRESS });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions).toMatchObject({ totalMinor: 6 * 9900 + 50_000, ceilingMinor: 100_000 });
    expect((await stockOf(t, b.variantId)).reserved).toBe(0);
  });

  it('a merchant’s order list reads every order’s delivery and shipments at once, however many orders it shows', async () => {
    const list = (first: number) =>
      countQueries(t, () =>
        t.gql(
          `query($m: ID!, $first: Int) { merchantOrders(merchantId: $m, first: $first) { edges { node { id
             delivery { method address { district } fee { amountMinor } merchants { merchantName } } lines { id shipment { trackingNumber } } } } } }`,
          { m: a.licensed.merchant.organizationId, first },
          a.licensed.merchant.token,
        ),
      );
    const few = await list(2);
    const many = await list(8);
    expect(few.result.errors).toBeUndefined();
    expect(many.result.data!.merchantOrders.edges.length).toBeGreaterThanOrEqual(6);
    expect(many.queries).toBe(few.queries);
  });

  it('reconciliation proves each paid shipping fee went whole to its merchant, and names one that did not', async () => {
    const platform = await platformAdmin(t);
    const today = dayOffset(t, 0);
    const reconcile = async () =>
      (
        await t.gql(
          `query($d: Date!) { reconciliation(from: $d, to: $d) { discrepancies { check reference detail } } }`,
          { d: today },
          platform.token,
        )
      ).data!.reconciliation.discrepancies as { check: string; reference: string }[];
    expect((await reconcile()).filter((d) => d.check === 'SHIPPING_POSTINGS')).toEqual([]);
    const [fee] = await t.sql<{ orderId: string; merchantId: string }>(
      `SELECT order_id AS "orderId", merchant_id AS "merchantId" FROM sale_shipping_fees LIMIT 1`,
    );
    await t.sql(`UPDATE sale_shipping_fees SET fee_minor = fee_minor + 1 WHERE order_id = $1 AND merchant_id = $2`, [
      fee!.orderId,
      fee!.merchantId,
    ]);
    expect((await reconcile()).filter((d) => d.check === 'SHIPPING_POSTINGS')).toEqual([
      expect.objectContaining({ check: 'SHIPPING_POSTINGS', reference: `${fee!.orderId}:${fee!.merchantId}` }),
    ]);
    await t.sql(`UPDATE sale_shipping_fees SET fee_minor = fee_minor - 1 WHERE order_id = $1 AND merchant_id = $2`, [
      fee!.orderId,
      fee!.merchantId,
    ]);
  });
});
