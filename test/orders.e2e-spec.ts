import { DomainEvent, DomainEventBus } from '@chedun/db';
import { OrderLineRefunded, OrderPaid, shanghaiDateTime } from '@chedun/kernel';
import { ReservationExpiryJob } from '@chedun/orders';
import { contractOperation } from './support/contract';
import { organizationOwner, Party, platformAdmin, signUp } from './support/parties';
import { checkout, idempotencyKey, openShop, seatsOf, Shop, stockOf } from './support/orders';
import { errorCode, startTestApp, TestApp } from './support/test-app';

// The machine running the suites is often loaded; app start and set-up take seconds.
jest.setTimeout(60_000);

describe('orders: checkout, payment, tickets, refunds', () => {
  let t: TestApp;
  let shop: Shop;
  let buyer: Party;
  const paid: OrderPaid[] = [];
  const refunded: OrderLineRefunded[] = [];
  /** When set, the next OrderPaid subscriber call throws after the orders context has written everything. */
  let crashNextOrderPaid = false;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        OPEN_ORDERS_PER_ACCOUNT: '3',
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        RESERVATION_SWEEP_SECONDS: '3600',
        REFUND_SWEEP_SECONDS: '3600',
      },
    });
    const bus = t.app.get(DomainEventBus);
    bus.subscribe<OrderPaid>('OrderPaid', async (event) => {
      if (crashNextOrderPaid) {
        crashNextOrderPaid = false;
        throw new Error('ledger crashed mid-way');
      }
      paid.push(event);
    });
    bus.subscribe<OrderLineRefunded & DomainEvent>('OrderLineRefunded', async (event) => {
      refunded.push(event);
    });
    shop = await openShop(t, { stock: 10, seats: 6 });
    buyer = await signUp(t, 'buyer');
  });
  afterAll(() => t.close());

  const order = (id: string, token = buyer.token) => t.gql(contractOperation('Order'), { id }, token);
  const confirm = (orderId: string, token = buyer.token) =>
    t.gql(contractOperation('DevConfirmPayment'), { orderId }, token);

  it('checks out merchandise and tickets, pays exactly once, issues one ticket per seat and publishes OrderPaid', async () => {
    const res = await checkout(t, buyer.token, [
      { variantId: shop.variantId, quantity: 2 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 },
    ]);
    expect(res.errors).toBeUndefined();
    const placed = res.data!.checkout;
    expect(placed.order).toMatchObject({
      status: 'PENDING_PAYMENT',
      total: { amountMinor: 2 * 9900 + 2 * 12000 + 6000, currency: 'CNY' },
    });
    expect(placed.payment).toMatchObject({ provider: 'development', clientSecret: expect.stringMatching(/_secret_/) });
    expect(await stockOf(t, shop.variantId)).toEqual({ stock: 10, reserved: 2, sold: 0 });
    expect(await seatsOf(t, shop.slotId)).toEqual({ capacity: 6, reserved: 3, sold: 0 });

    const confirmations = await Promise.all(Array.from({ length: 5 }, () => confirm(placed.order.id)));
    for (const c of confirmations)
      expect(c.data?.devConfirmPayment).toMatchObject({ id: placed.order.id, status: 'PAID' });

    const read = await order(placed.order.id);
    expect(read.data!.order).toMatchObject({
      status: 'PAID',
      lines: [{ quantity: 2 }, { quantity: 2 }, { quantity: 1 }],
    });
    expect(read.data!.order.tickets).toHaveLength(3);
    for (const ticket of read.data!.order.tickets)
      expect(ticket).toEqual({ code: expect.stringMatching(/^[A-Z2-7]{16}$/), redeemedAt: null });
    expect(await stockOf(t, shop.variantId)).toEqual({ stock: 10, reserved: 0, sold: 2 });
    expect(await seatsOf(t, shop.slotId)).toEqual({ capacity: 6, reserved: 0, sold: 3 });
    expect(await t.sql(`SELECT kind FROM notifications WHERE order_id = $1`, [placed.order.id])).toEqual([
      { kind: 'ORDER_CONFIRMATION' },
    ]);
    const notes = await t.gql(
      `query($id: ID) { devNotifications(orderId: $id) { kind payload } }`,
      { id: placed.order.id },
      buyer.token,
    );
    expect(JSON.parse(notes.data!.devNotifications[0].payload).tickets).toHaveLength(3);

    const events = paid.filter((e) => e.orderId === placed.order.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.lines[0]).toMatchObject({
      productId: shop.productId,
      productName: 'Lotus Lantern T-shirt',
      merchantId: shop.licensed.merchant.organizationId,
      studioId: shop.licensed.studio.organizationId,
      licenseId: shop.licensed.licenseId,
      filmIpId: shop.licensed.filmIpId,
      netMinor: 19_800,
      royaltyBps: expect.any(Number),
    });
  });

  it('returns the same order for the same key and lines, CONFLICT for the same key with other lines', async () => {
    const key = idempotencyKey();
    const lines = [{ variantId: shop.variantId, quantity: 1 }];
    const first = await checkout(t, buyer.token, lines, key);
    const again = await checkout(t, buyer.token, lines, key);
    expect(again.data!.checkout.order.id).toBe(first.data!.checkout.order.id);
    expect(again.data!.checkout.payment.clientSecret).toBe(first.data!.checkout.payment.clientSecret);
    expect(errorCode(await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 2 }], key))).toBe(
      'CONFLICT',
    );
    expect(errorCode(await checkout(t, buyer.token, lines, 'k'.repeat(256)))).toBe('BAD_USER_INPUT');
    // Another buyer's identical key is their own order.
    const other = await signUp(t, 'other');
    const theirs = await checkout(t, other.token, lines, key);
    expect(theirs.data!.checkout.order.id).not.toBe(first.data!.checkout.order.id);
    await t.gql(
      `mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`,
      { id: theirs.data!.checkout.order.id },
      other.token,
    );
    await t.gql(
      `mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`,
      { id: first.data!.checkout.order.id },
      buyer.token,
    );
  });

  it('gives a retried checkout its order back even after the item was taken off sale, and refuses a new one', async () => {
    // Checkout prices its lines before its transaction (#18); what that refuses waits for the key's lookup, so a
    // retry of a checkout that went through (its answer lost on the way) still gets its order, not an error.
    const own = await openShop(t, { stock: 5 });
    const key = idempotencyKey();
    const lines = [{ variantId: own.variantId, quantity: 1 }];
    const first = await checkout(t, buyer.token, lines, key);
    expect(first.errors).toBeUndefined();
    const unpublished = await t.gql(
      `mutation($id: ID!) { unpublishProduct(productId: $id) { status } }`,
      { id: own.productId },
      own.licensed.merchant.token,
    );
    expect(unpublished.errors).toBeUndefined();
    const again = await checkout(t, buyer.token, lines, key);
    expect(again.errors).toBeUndefined();
    expect(again.data!.checkout.order.id).toBe(first.data!.checkout.order.id);
    const fresh = await checkout(t, buyer.token, lines);
    expect(errorCode(fresh)).toBe('BAD_USER_INPUT');
    expect(fresh.errors![0]!.message).toContain('not on sale');
    await t.gql(
      `mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`,
      { id: first.data!.checkout.order.id },
      buyer.token,
    );
  });

  it('refuses lines that cannot be sold and names the line that is out of stock', async () => {
    const before = await stockOf(t, shop.variantId);
    const seats = await seatsOf(t, shop.slotId);
    const res = await checkout(t, buyer.token, [
      { variantId: shop.variantId, quantity: 1 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 4 },
    ]);
    expect(errorCode(res)).toBe('OUT_OF_STOCK');
    // What a client needs to say, in the buyer's language, which item it is and how many are left.
    expect(res.errors![0]!.extensions).toMatchObject({
      reason: 'NOT_ENOUGH_LEFT',
      lineIndex: 1,
      timeSlotId: shop.slotId,
      productId: expect.any(String),
      productName: expect.any(String),
      requested: 4,
      available: seats.capacity - seats.sold - seats.reserved,
    });
    expect(await stockOf(t, shop.variantId)).toEqual(before);
    expect(
      errorCode(
        await checkout(t, buyer.token, [{ timeSlotId: shop.slotId, ticketTypeId: shop.variantId, quantity: 1 }]),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 0 }]))).toBe(
      'BAD_USER_INPUT',
    );

    await t.sql(`UPDATE products SET purchase_limit = 3 WHERE id = $1`, [shop.productId]);
    const limited = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 2 }]);
    expect(errorCode(limited)).toBe('BAD_USER_INPUT');
    expect(limited.errors![0]!.extensions).toMatchObject({ purchaseLimit: 3, alreadyOrdered: 2 });
    await t.sql(`UPDATE products SET purchase_limit = NULL WHERE id = $1`, [shop.productId]);
  });

  it('caps open orders per account and expires reservations, returning stock', async () => {
    const visitor = await signUp(t, 'capped');
    const before = await stockOf(t, shop.variantId);
    const placed = [];
    for (let i = 0; i < 3; i += 1)
      placed.push(await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]));
    expect(placed.map(errorCode)).toEqual([undefined, undefined, undefined]);
    expect(errorCode(await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]))).toBe(
      'RATE_LIMITED',
    );
    expect((await stockOf(t, shop.variantId)).reserved).toBe(before.reserved + 3);

    t.clock.advanceBy(16 * 60_000);
    expect(await t.app.get(ReservationExpiryJob).expireReservations()).toBe(3);
    expect(await stockOf(t, shop.variantId)).toEqual(before);
    const expired = await t.gql(contractOperation('Order'), { id: placed[0]!.data!.checkout.order.id }, visitor.token);
    expect(expired.data!.order.status).toBe('CANCELLED');

    // A payment arriving after expiry takes the goods again while they last.
    const late = await t.gql(
      contractOperation('DevConfirmPayment'),
      { orderId: placed[0]!.data!.checkout.order.id },
      visitor.token,
    );
    expect(late.data!.devConfirmPayment.status).toBe('PAID');
    expect((await stockOf(t, shop.variantId)).sold).toBe(before.sold + 1);
  });

  it('marks a late payment refund-due when the seats it had are gone', async () => {
    const visitor = await signUp(t, 'late');
    const res = await checkout(t, visitor.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    const orderId = res.data!.checkout.order.id as string;
    t.clock.advanceBy(16 * 60_000);
    await t.app.get(ReservationExpiryJob).expireReservations();
    const rival = await checkout(t, buyer.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    expect(rival.errors).toBeUndefined();
    const seats = await seatsOf(t, shop.slotId);

    const late = await t.gql(contractOperation('DevConfirmPayment'), { orderId }, visitor.token);
    expect(late.data!.devConfirmPayment.status).toBe('CANCELLED');
    expect(await t.sql(`SELECT refund_due FROM orders WHERE id = $1`, [orderId])).toEqual([{ refund_due: true }]);
    expect(await seatsOf(t, shop.slotId)).toEqual(seats);
    expect(paid.filter((e) => e.orderId === orderId)).toHaveLength(0);
    await confirm(rival.data!.checkout.order.id);
  });

  it('lets the merchant cancel an unpaid order; a payment arriving afterwards is marked refund-due, not sold', async () => {
    const visitor = await signUp(t, 'cancelled');
    const placed = await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const orderId = placed.data!.checkout.order.id as string;
    const stock = await stockOf(t, shop.variantId);
    const cancel = (token: string) =>
      t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id) { status refundDue } }`, { id: orderId }, token);
    const outsider = await organizationOwner(t, 'MERCHANT', 'Nosy Shop');
    expect(errorCode(await cancel(outsider.token))).toBe('NOT_FOUND');
    expect((await cancel(shop.licensed.merchant.token)).data!.cancelOrder).toEqual({
      status: 'CANCELLED',
      refundDue: false,
    });
    expect(errorCode(await cancel(visitor.token))).toBe('CONFLICT');
    expect(await stockOf(t, shop.variantId)).toEqual({ ...stock, reserved: stock.reserved - 1 });

    const late = await t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { status refundDue } }`,
      { id: orderId },
      visitor.token,
    );
    expect(late.data!.devConfirmPayment).toEqual({ status: 'CANCELLED', refundDue: true });
    expect(await stockOf(t, shop.variantId)).toEqual({ ...stock, reserved: stock.reserved - 1 });
  });

  it('rolls back a PAID transition whose subscriber fails, and the replay completes it exactly once', async () => {
    const visitor = await signUp(t, 'crash');
    const placed = await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const orderId = placed.data!.checkout.order.id as string;
    const stock = await stockOf(t, shop.variantId);

    crashNextOrderPaid = true;
    const crashed = await t.gql(contractOperation('DevConfirmPayment'), { orderId }, visitor.token);
    expect(crashed.errors).toBeDefined();
    expect((await t.gql(contractOperation('Order'), { id: orderId }, visitor.token)).data!.order.status).toBe(
      'PENDING_PAYMENT',
    );
    expect(await stockOf(t, shop.variantId)).toEqual(stock);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE order_id = $1`, [orderId])).toHaveLength(0);

    const replays = await Promise.all(
      Array.from({ length: 3 }, () => t.gql(contractOperation('DevConfirmPayment'), { orderId }, visitor.token)),
    );
    for (const r of replays) expect(r.data?.devConfirmPayment.status).toBe('PAID');
    expect(paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
    expect(await stockOf(t, shop.variantId)).toEqual({ ...stock, reserved: stock.reserved - 1, sold: stock.sold + 1 });
  });

  describe('authorization, redemption, fulfilment and refunds', () => {
    let orderId: string;
    let stranger: Party;
    let otherMerchant: Party;
    let platform: Party;
    let lines: { id: string }[];
    let tickets: { code: string }[];

    beforeAll(async () => {
      stranger = await signUp(t, 'stranger');
      otherMerchant = await organizationOwner(t, 'MERCHANT', 'Other Shop');
      platform = await platformAdmin(t);
      const placed = await checkout(t, buyer.token, [
        { variantId: shop.variantId, quantity: 1 },
        { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 },
      ]);
      orderId = placed.data!.checkout.order.id;
      expect(errorCode(await confirm(orderId, stranger.token))).toBe('NOT_FOUND');
      await confirm(orderId);
      const read = await order(orderId);
      lines = read.data!.order.lines;
      tickets = read.data!.order.tickets;
    });

    it('shows an order to its buyer only, and merchant lists to the merchant only', async () => {
      expect(errorCode(await order(orderId, stranger.token))).toBe('NOT_FOUND');
      expect(errorCode(await order(orderId, shop.licensed.merchant.token))).toBe('NOT_FOUND');
      const mine = await t.gql(`{ myOrders(first: 50) { totalCount edges { node { id } } } }`, {}, buyer.token);
      expect(mine.data!.myOrders.edges.map((e: any) => e.node.id)).toContain(orderId);
      const merchantQuery = `query($m: ID!, $s: OrderStatus) { merchantOrders(merchantId: $m, status: $s, first: 100) { edges { node { id lines { merchantId } } } } }`;
      const theirs = await t.gql(
        merchantQuery,
        { m: shop.licensed.merchant.organizationId, s: 'PAID' },
        shop.licensed.merchant.token,
      );
      expect(theirs.data!.merchantOrders.edges.map((e: any) => e.node.id)).toContain(orderId);
      expect(
        errorCode(await t.gql(merchantQuery, { m: shop.licensed.merchant.organizationId }, otherMerchant.token)),
      ).toBe('FORBIDDEN');
      const guests = await t.gql(
        `query($v: ID!, $d: Date!) { venueGuests(venueId: $v, date: $d) { orderId seats redeemed } }`,
        {
          v: shop.venueId,
          d: new Date(t.clock.now().getTime() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10),
        },
        shop.licensed.merchant.token,
      );
      expect(guests.data!.venueGuests).toEqual(expect.arrayContaining([{ orderId, seats: 1, redeemed: 0 }]));
    });

    it('redeems a ticket once, by the venue merchant only, from two hours before its slot until its end', async () => {
      const code = tickets[0]!.code;
      expect(errorCode(await t.gql(contractOperation('RedeemTicket'), { code }, otherMerchant.token))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(contractOperation('RedeemTicket'), { code }, buyer.token))).toBe('NOT_FOUND');
      // The slot is tomorrow: a day early the ticket is refused, and the message says when it admits.
      const [slot] = await t.sql<{ startsAt: Date; endsAt: Date }>(
        `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM time_slots WHERE id = $1`,
        [shop.slotId],
      );
      const opens = new Date(slot!.startsAt.getTime() - 2 * 3600_000);
      const early = await t.gql(contractOperation('RedeemTicket'), { code }, shop.licensed.merchant.token);
      expect(errorCode(early)).toBe('CONFLICT');
      expect(early.errors![0]!.message).toBe(
        `This ticket is not valid yet: it admits from ${shanghaiDateTime(opens)} until ${shanghaiDateTime(slot!.endsAt)} (Asia/Shanghai time)`,
      );
      expect(early.errors![0]!.extensions).toMatchObject({
        reason: 'TICKET_NOT_YET_VALID',
        validFrom: opens.toISOString(),
        validUntil: slot!.endsAt.toISOString(),
      });
      t.clock.set(new Date(opens.getTime() - 60_000));
      expect(errorCode(await t.gql(contractOperation('RedeemTicket'), { code }, shop.licensed.merchant.token))).toBe(
        'CONFLICT',
      );

      // Half an hour before the start the door opens; staff see what the ticket admits to.
      t.clock.set(new Date(slot!.startsAt.getTime() - 30 * 60_000));
      const REDEEM = `mutation($code: String!) { redeemTicket(code: $code) { code redeemedAt productName ticketTypeName startsAt endsAt } }`;
      const first = await t.gql(REDEEM, { code }, shop.licensed.merchant.token);
      const admits = {
        productName: 'Ranch filming location tour',
        ticketTypeName: 'Child',
        startsAt: slot!.startsAt.toISOString(),
        endsAt: slot!.endsAt.toISOString(),
      };
      expect(first.data!.redeemTicket).toEqual({ code, redeemedAt: t.clock.now().toISOString(), ...admits });
      // The buyer's order shows the same on each ticket.
      const bought = await t.gql(
        `query($id: ID!) { order(id: $id) { tickets { code productName ticketTypeName startsAt endsAt } } }`,
        { id: orderId },
        buyer.token,
      );
      expect(bought.data!.order.tickets).toEqual([{ code, ...admits }]);
      const second = await t.gql(contractOperation('RedeemTicket'), { code }, shop.licensed.merchant.token);
      expect(errorCode(second)).toBe('CONFLICT');
      expect(second.errors![0]!.extensions).toMatchObject({
        reason: 'ALREADY_REDEEMED',
        redeemedAt: first.data!.redeemTicket.redeemedAt,
      });
      const fulfil = await t.gql(
        `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { status } }`,
        { id: lines[0]!.id },
        shop.licensed.merchant.token,
      );
      expect(fulfil.data!.fulfilOrderLine.status).toBe('FULFILLED');
    });

    it('refunds a line in part then in full, never more, by its merchant or the platform', async () => {
      const refund = (id: string, token: string, amountMinor?: number) =>
        t.gql(
          contractOperation('RefundOrderLine'),
          { orderLineId: id, ...(amountMinor === undefined ? {} : { amountMinor }) },
          token,
        );
      expect(errorCode(await refund(lines[0]!.id, otherMerchant.token, 100))).toBe('NOT_FOUND');
      expect(errorCode(await refund(lines[0]!.id, buyer.token, 100))).toBe('NOT_FOUND');
      expect(errorCode(await refund(lines[0]!.id, shop.licensed.merchant.token, 9901))).toBe('BAD_USER_INPUT');

      const part = await refund(lines[0]!.id, shop.licensed.merchant.token, 2500);
      expect(part.data!.refundOrderLine).toEqual({ id: orderId, status: 'PARTIALLY_REFUNDED' });
      const rest = await refund(lines[0]!.id, platform.token);
      expect(rest.data!.refundOrderLine.status).toBe('PARTIALLY_REFUNDED');
      expect(errorCode(await refund(lines[0]!.id, platform.token, 1))).toBe('CONFLICT');
      const whole = await refund(lines[1]!.id, shop.licensed.merchant.token);
      expect(whole.data!.refundOrderLine.status).toBe('REFUNDED');

      expect(
        refunded
          .filter((e) => e.orderId === orderId)
          .map((e) => [e.orderLineId, e.amountMinor, e.refundedBeforeMinor, e.refundedAfterMinor]),
      ).toEqual([
        [lines[0]!.id, 2500, 0, 2500],
        [lines[0]!.id, 7400, 2500, 9900],
        [lines[1]!.id, 6000, 0, 6000],
      ]);
      expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [orderId])).toEqual([
        { status: 'REFUNDED', refunded_minor: '15900' },
      ]);
    });
  });

  describe('an order shared by two merchants', () => {
    let ranch: Shop;
    let farm: Shop;
    let sharer: Party;
    let orderId: string;
    let ranchLines: { id: string; kind: string }[];
    let farmLine: { id: string };
    const ORDER_FIELDS = `id status total { amountMinor } lines { id merchantId total { amountMinor } } tickets { code orderLineId }`;
    const merchantOrders = (shop: Shop, status?: string) =>
      t.gql(
        `query($m: ID!, $s: OrderStatus) { merchantOrders(merchantId: $m, status: $s, first: 10) { edges { node { ${ORDER_FIELDS} } } } }`,
        { m: shop.licensed.merchant.organizationId, s: status ?? null },
        shop.licensed.merchant.token,
      );
    const shared = async (shop: Shop, status?: string) => {
      const res = await merchantOrders(shop, status);
      expect(res.errors).toBeUndefined();
      return res.data!.merchantOrders.edges.map((e: any) => e.node).find((o: any) => o.id === orderId);
    };

    beforeAll(async () => {
      [ranch, farm] = [await openShop(t), await openShop(t)];
      sharer = await signUp(t, 'sharer');
      // The ranch sells a cap (99.00) and a tour seat (120.00); the farm two caps (198.00): 417.00 in all.
      const placed = await checkout(t, sharer.token, [
        { variantId: ranch.variantId, quantity: 1 },
        { timeSlotId: ranch.slotId, ticketTypeId: ranch.ticketTypeIds[0]!, quantity: 1 },
        { variantId: farm.variantId, quantity: 2 },
      ]);
      orderId = placed.data!.checkout.order.id;
      const paidOrder = (await confirm(orderId, sharer.token)).data!.devConfirmPayment;
      expect(paidOrder.status).toBe('PAID');
      const lines = (await order(orderId, sharer.token)).data!.order.lines as { id: string; kind: string }[];
      ranchLines = lines.slice(0, 2);
      farmLine = lines[2]!;
    });

    it("shows each merchant its own lines, tickets and subtotal, never the whole order's total", async () => {
      expect(await shared(farm)).toEqual({
        id: orderId,
        status: 'PAID',
        total: { amountMinor: 19_800 },
        lines: [{ id: farmLine.id, merchantId: farm.licensed.merchant.organizationId, total: { amountMinor: 19_800 } }],
        tickets: [],
      });
      const ranchView = await shared(ranch);
      expect(ranchView).toMatchObject({ status: 'PAID', total: { amountMinor: 9_900 + 12_000 } });
      expect(ranchView.lines.map((l: { id: string }) => l.id)).toEqual(ranchLines.map((l) => l.id));
      expect(ranchView.tickets).toHaveLength(1);
      // The buyer sees the whole order.
      expect((await order(orderId, sharer.token)).data!.order).toMatchObject({
        status: 'PAID',
        total: { amountMinor: 41_700 },
      });
    });

    it("answers a merchant's refund and fulfilment with its own share, and keeps another merchant's refund out of its status", async () => {
      const refund = await t.gql(
        `mutation($id: ID!) { refundOrderLine(orderLineId: $id) { ${ORDER_FIELDS} } }`,
        { id: ranchLines[0]!.id },
        ranch.licensed.merchant.token,
      );
      expect(refund.errors).toBeUndefined();
      expect(refund.data!.refundOrderLine).toMatchObject({
        status: 'PARTIALLY_REFUNDED',
        total: { amountMinor: 21_900 },
      });
      expect(refund.data!.refundOrderLine.lines.map((l: { id: string }) => l.id)).toEqual(ranchLines.map((l) => l.id));
      expect((await order(orderId, sharer.token)).data!.order.status).toBe('PARTIALLY_REFUNDED');

      // The farm's lines were not refunded: to the farm the order is still PAID, and its status filter agrees.
      expect((await shared(farm)).status).toBe('PAID');
      expect(await shared(farm, 'PAID')).toBeDefined();
      expect(await shared(farm, 'PARTIALLY_REFUNDED')).toBeUndefined();
      expect(await shared(ranch, 'PARTIALLY_REFUNDED')).toBeDefined();

      const fulfil = await t.gql(
        `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: PICKED_UP) { ${ORDER_FIELDS} } }`,
        { id: farmLine.id },
        farm.licensed.merchant.token,
      );
      expect(fulfil.data!.fulfilOrderLine).toEqual({
        id: orderId,
        status: 'FULFILLED',
        total: { amountMinor: 19_800 },
        lines: [{ id: farmLine.id, merchantId: farm.licensed.merchant.organizationId, total: { amountMinor: 19_800 } }],
        tickets: [],
      });
      // The ranch's seat is still to be used, so the order as a whole is not fulfilled, and the ranch does not see the farm's hand-over.
      expect((await order(orderId, sharer.token)).data!.order.status).toBe('PARTIALLY_REFUNDED');
      expect((await shared(ranch)).status).toBe('PARTIALLY_REFUNDED');
      expect(await shared(farm, 'FULFILLED')).toBeDefined();
    });

    it('shows a merchant cancelling an unpaid shared order only its own lines and subtotal', async () => {
      const placed = await checkout(t, sharer.token, [
        { variantId: ranch.variantId, quantity: 1 },
        { variantId: farm.variantId, quantity: 1 },
      ]);
      const unpaidId = placed.data!.checkout.order.id as string;
      const cancelled = await t.gql(
        `mutation($id: ID!) { cancelOrder(orderId: $id) { ${ORDER_FIELDS} } }`,
        { id: unpaidId },
        farm.licensed.merchant.token,
      );
      expect(cancelled.data!.cancelOrder).toMatchObject({
        status: 'CANCELLED',
        total: { amountMinor: 9_900 },
        lines: [{ merchantId: farm.licensed.merchant.organizationId }],
      });
      expect(cancelled.data!.cancelOrder.lines).toHaveLength(1);
    });
  });
});
