import { PaymentGateway, RefundInput } from '@chedun/payments';
import {
  EmailMessage,
  EmailSender,
  NotificationDeliveryJob,
  RefundTaskJob,
  ReservationExpiryJob,
} from '@chedun/orders';
import { OrderRepository } from '../libs/orders/src/order.repository';
import { contractOperation } from './support/contract';
import { Party, signUp } from './support/parties';
import { checkout, openShop, seatsOf, Shop } from './support/orders';
import { errorCode, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

/**
 * After payment: refunds the marketplace owes by itself (a cancelled slot's seats, payments that came too late), what
 * refunds give back (stock, seats), email delivery of the notifications outbox, and the order lists.
 */
describe('orders after payment', () => {
  let t: TestApp;
  let shop: Shop;
  let gateway: PaymentGateway;
  let realRefund: (input: RefundInput) => Promise<unknown>;
  const providerRefunds: RefundInput[] = [];
  /** Idempotency keys whose next provider call loses its answer after the provider refunded. */
  const failAfter = new Set<string>();

  beforeAll(async () => {
    // Redemption opens a week before a slot here (the default two hours is orders.e2e-spec's), so these cases redeem
    // the days-ahead tickets they refund and fulfil without moving the clock, which their reservations depend on.
    t = await startTestApp({
      env: {
        RESERVATION_SWEEP_SECONDS: '3600',
        REFUND_SWEEP_SECONDS: '3600',
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        TICKET_REDEMPTION_OPENS_MINUTES: String(7 * 24 * 60),
      },
    });
    gateway = t.app.get(PaymentGateway);
    realRefund = gateway.refund.bind(gateway);
    gateway.refund = async (input: RefundInput) => {
      const result = await realRefund(input);
      providerRefunds.push(input);
      if (failAfter.delete(input.idempotencyKey)) throw new Error('connection lost after the provider refunded');
      return result as Awaited<ReturnType<PaymentGateway['refund']>>;
    };
    shop = await openShop(t, { stock: 10, seats: 10 });
  });
  afterAll(() => t.close());

  const job = () => t.app.get(RefundTaskJob);
  const confirm = (orderId: string, token: string) => t.gql(contractOperation('DevConfirmPayment'), { orderId }, token);
  const cancelSlot = (slotId: string) =>
    t.gql(
      `mutation($id: ID!) { setTimeSlotStatus(timeSlotId: $id, status: CANCELLED) { status } }`,
      { id: slotId },
      shop.licensed.merchant.token,
    );
  const readOrder = (id: string, token: string) =>
    t.gql(
      `query($id: ID!) { order(id: $id) { id status refundDue lines { id kind total { amountMinor } refunded { amountMinor } } tickets { code } } }`,
      { id },
      token,
    );
  const notes = (token: string, orderId: string) =>
    t.gql(`query($id: ID) { devNotifications(orderId: $id) { kind payload } }`, { id: orderId }, token);

  /** Sum per account of the line's sale and its refunds: zero everywhere when the line is refunded in full. */
  async function ledgerNetOfLine(orderLineId: string): Promise<{ entries: number; unbalanced: number; net: string[] }> {
    const entries = await t.sql<{ id: string; sum: string }>(
      `SELECT e.id, sum(p.amount_minor)::text AS sum FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
        WHERE (e.kind = 'SALE' AND e.source_id = $1::text)
           OR (e.kind = 'REFUND' AND e.source_id IN (SELECT id::text FROM order_refunds WHERE order_line_id = $1::uuid))
        GROUP BY e.id`,
      [orderLineId],
    );
    const net = await t.sql<{ sum: string }>(
      `SELECT sum(p.amount_minor)::text AS sum FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
        WHERE (e.kind = 'SALE' AND e.source_id = $1::text)
           OR (e.kind = 'REFUND' AND e.source_id IN (SELECT id::text FROM order_refunds WHERE order_line_id = $1::uuid))
        GROUP BY p.account_id`,
      [orderLineId],
    );
    return {
      entries: entries.length,
      unbalanced: entries.filter((e) => e.sum !== '0').length,
      net: net.map((n) => n.sum),
    };
  }

  describe('a merchant cancels a slot with two paid orders and one unpaid', () => {
    let slotId: string;
    let alice: Party;
    let bob: Party;
    let carol: Party;
    let aliceOrder: any;
    let bobOrder: any;
    let carolOrderId: string;

    beforeAll(async () => {
      const slot = await t.gql(
        `mutation($input: AddTimeSlotInput!) { addTimeSlot(input: $input) { id } }`,
        {
          input: {
            experienceId: shop.experienceId,
            startsAt: new Date(t.clock.now().getTime() + 48 * 3600_000).toISOString(),
            endsAt: new Date(t.clock.now().getTime() + 50 * 3600_000).toISOString(),
            capacity: 10,
          },
        },
        shop.licensed.merchant.token,
      );
      slotId = slot.data!.addTimeSlot.id;
      [alice, bob, carol] = [await signUp(t, 'alice'), await signUp(t, 'bob'), await signUp(t, 'carol')];
      // Alice: two adults and a child on the slot plus merchandise that stays hers; Bob: one adult.
      const a = await checkout(t, alice.token, [
        { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
        { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 },
        { variantId: shop.variantId, quantity: 1 },
      ]);
      const b = await checkout(t, bob.token, [
        { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
      ]);
      const c = await checkout(t, carol.token, [
        { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 2 },
      ]);
      for (const r of [a, b, c]) expect(r.errors).toBeUndefined();
      await confirm(a.data!.checkout.order.id, alice.token);
      await confirm(b.data!.checkout.order.id, bob.token);
      aliceOrder = (await readOrder(a.data!.checkout.order.id, alice.token)).data!.order;
      bobOrder = (await readOrder(b.data!.checkout.order.id, bob.token)).data!.order;
      carolOrderId = c.data!.checkout.order.id;
      expect(aliceOrder.tickets).toHaveLength(3);
      expect(await seatsOf(t, slotId)).toEqual({ capacity: 10, reserved: 2, sold: 4 });
    });

    it('records the refunds, voids the tickets and cancels the unpaid order in the cancelling transaction', async () => {
      expect((await cancelSlot(slotId)).data!.setTimeSlotStatus.status).toBe('CANCELLED');

      const tasks = await t.sql(
        `SELECT kind, order_id, status FROM order_refund_tasks WHERE order_id = ANY($1) ORDER BY order_id`,
        [[aliceOrder.id, bobOrder.id, carolOrderId]],
      );
      expect(tasks).toHaveLength(3);
      expect(tasks.every((task) => task['kind'] === 'SLOT_CANCELLED' && task['status'] === 'PENDING')).toBe(true);
      expect(
        await t.sql(`SELECT count(*)::int AS n FROM tickets WHERE time_slot_id = $1 AND voided_at IS NULL`, [slotId]),
      ).toEqual([{ n: 0 }]);
      expect((await readOrder(carolOrderId, carol.token)).data!.order.status).toBe('CANCELLED');
      expect(await t.sql(`SELECT cancel_reason FROM orders WHERE id = $1`, [carolOrderId])).toEqual([
        { cancel_reason: 'SLOT_CANCELLED' },
      ]);
      expect(await seatsOf(t, slotId)).toEqual({ capacity: 10, reserved: 0, sold: 4 });

      const bobTickets = (
        await t.gql(`query($id: ID!) { order(id: $id) { tickets { code voidedAt } } }`, { id: bobOrder.id }, bob.token)
      ).data!.order.tickets;
      expect(bobTickets).toEqual([{ code: bobOrder.tickets[0].code, voidedAt: expect.any(String) }]);
      const redeem = await t.gql(
        contractOperation('RedeemTicket'),
        { code: bobOrder.tickets[0].code },
        shop.licensed.merchant.token,
      );
      expect(errorCode(redeem)).toBe('CONFLICT');
      expect(redeem.errors![0]!.message).toBe('This ticket is void: its time slot was cancelled');
    });

    it('refunds every paid line once; a provider failure mid-way is retried later, and reruns refund nothing twice', async () => {
      const aliceLines = aliceOrder.lines.filter((l: any) => l.kind === 'EXPERIENCE');
      const [bobRefundTask] = await t.sql<{ id: string }>(`SELECT id FROM order_refund_tasks WHERE order_id = $1`, [
        bobOrder.id,
      ]);
      // Bob's refund fails at the provider on the first attempt (its key is the line refund the job records first):
      // the job carries on with the others and retries Bob's later.
      const realFirst = gateway.refund;
      let bobFailed = false;
      gateway.refund = async (input: RefundInput) => {
        const [row] = await t.sql<{ id: string }>(
          `SELECT order_refund_id AS id FROM order_refund_tasks WHERE id = $1`,
          [bobRefundTask!.id],
        );
        if (!bobFailed && row?.id && input.idempotencyKey === `order-refund-${row.id}`) {
          bobFailed = true;
          throw new Error('provider unreachable');
        }
        return realFirst(input);
      };
      const first = await job().runDueTasks();
      gateway.refund = realFirst;
      expect(first).toEqual({ done: 2, retrying: 1 });
      expect(bobFailed).toBe(true);
      const [bobTask] = await t.sql(
        `SELECT status, attempts, last_error, next_attempt_at FROM order_refund_tasks WHERE id = $1`,
        [bobRefundTask!.id],
      );
      expect(bobTask).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'provider unreachable' });
      expect((await readOrder(bobOrder.id, bob.token)).data!.order.status).toBe('PAID');

      // Not yet due: a rerun right away leaves it alone.
      expect(await job().runDueTasks()).toEqual({ done: 0, retrying: 0 });
      t.clock.advanceBy(31_000);
      expect(await job().runDueTasks()).toEqual({ done: 1, retrying: 0 });
      expect(await job().runDueTasks()).toEqual({ done: 0, retrying: 0 });

      const alice2 = (await readOrder(aliceOrder.id, alice.token)).data!.order;
      expect(alice2.status).toBe('PARTIALLY_REFUNDED');
      for (const line of alice2.lines) {
        expect(line.refunded.amountMinor).toBe(line.kind === 'EXPERIENCE' ? line.total.amountMinor : 0);
      }
      const bob2 = (await readOrder(bobOrder.id, bob.token)).data!.order;
      expect(bob2.status).toBe('REFUNDED');
      expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [bobOrder.id])).toEqual([
        { status: 'REFUNDED', refunded_minor: '12000' },
      ]);
      expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [aliceOrder.id])).toEqual([
        { status: 'PARTIALLY_REFUNDED', refunded_minor: String(2 * 12000 + 6000) },
      ]);
      // One provider refund per line, however many runs.
      const keys = providerRefunds.map((r) => r.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(3);

      for (const line of [...aliceLines, bobOrder.lines[0]]) {
        const ledger = await ledgerNetOfLine(line.id);
        expect(ledger.entries).toBe(2);
        expect(ledger.unbalanced).toBe(0);
        expect(ledger.net.every((n) => n === '0')).toBe(true);
      }

      const aliceNotes = (await notes(alice.token, aliceOrder.id)).data!.devNotifications;
      const cancelled = aliceNotes
        .filter((n: any) => n.kind === 'SLOT_CANCELLED')
        .map((n: any) => JSON.parse(n.payload));
      expect(cancelled).toHaveLength(2);
      expect(cancelled.flatMap((p: any) => p.voidedTickets).sort()).toEqual(
        aliceOrder.tickets.map((x: any) => x.code).sort(),
      );
      expect(cancelled.map((p: any) => p.refund.amountMinor).sort((x: number, y: number) => x - y)).toEqual([
        6000, 24000,
      ]);
      const bobNotes = (await notes(bob.token, bobOrder.id)).data!.devNotifications;
      expect(bobNotes.filter((n: any) => n.kind === 'SLOT_CANCELLED')).toHaveLength(1);
      expect((await notes(carol.token, carolOrderId)).data!.devNotifications).toEqual([]);
    });

    it('refunds a payment for the unpaid order that arrives after the slot was cancelled, selling nothing', async () => {
      const paidLate = await t.gql(
        `mutation($id: ID!) { devConfirmPayment(orderId: $id) { status refundDue } }`,
        { id: carolOrderId },
        carol.token,
      );
      expect(paidLate.data!.devConfirmPayment).toEqual({ status: 'CANCELLED', refundDue: true });
      expect(await seatsOf(t, slotId)).toEqual({ capacity: 10, reserved: 0, sold: 4 });
      expect(await job().runDueTasks()).toEqual({ done: 1, retrying: 0 });
      expect((await readOrder(carolOrderId, carol.token)).data!.order).toMatchObject({
        status: 'CANCELLED',
        refundDue: false,
        tickets: [],
      });
      expect(await t.sql(`SELECT status FROM payments WHERE order_id = $1`, [carolOrderId])).toEqual([
        { status: 'REFUNDED' },
      ]);
      expect((await notes(carol.token, carolOrderId)).data!.devNotifications.map((n: any) => n.kind)).toEqual([
        'LATE_PAYMENT_REFUNDED',
      ]);
    });
  });

  it('never refunds twice when the answer is lost after the provider refunded, or two runs race', async () => {
    const slot = await t.gql(
      `mutation($input: AddTimeSlotInput!) { addTimeSlot(input: $input) { id } }`,
      {
        input: {
          experienceId: shop.experienceId,
          startsAt: new Date(t.clock.now().getTime() + 72 * 3600_000).toISOString(),
          endsAt: new Date(t.clock.now().getTime() + 74 * 3600_000).toISOString(),
          capacity: 5,
        },
      },
      shop.licensed.merchant.token,
    );
    const slotId = slot.data!.addTimeSlot.id as string;
    const dave = await signUp(t, 'dave');
    const placed = await checkout(t, dave.token, [
      { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    const orderId = placed.data!.checkout.order.id as string;
    await confirm(orderId, dave.token);
    await cancelSlot(slotId);
    const before = providerRefunds.length;

    const [task] = await t.sql<{ id: string }>(`SELECT id FROM order_refund_tasks WHERE order_id = $1`, [orderId]);
    // The job records the line refund, the provider refunds, and the answer is lost on the way back.
    const realNext = gateway.refund;
    gateway.refund = async (input: RefundInput) => {
      const [row] = await t.sql<{ id: string }>(`SELECT order_refund_id AS id FROM order_refund_tasks WHERE id = $1`, [
        task!.id,
      ]);
      if (input.idempotencyKey === `order-refund-${row!.id}`) failAfter.add(input.idempotencyKey);
      return realNext(input);
    };
    expect(await job().runDueTasks()).toEqual({ done: 0, retrying: 1 });
    gateway.refund = realNext;
    expect(providerRefunds.length).toBe(before + 1);

    t.clock.advanceBy(31_000);
    const runs = await Promise.all([job().runDueTasks(), job().runDueTasks(), job().runDueTasks()]);
    expect(runs.filter((r) => r !== null).reduce((sum, r) => sum + r!.done, 0)).toBe(1);
    expect(await job().runDueTasks()).toEqual({ done: 0, retrying: 0 });
    expect(providerRefunds.length).toBe(before + 1);
    expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [orderId])).toEqual([
      { status: 'REFUNDED', refunded_minor: '24000' },
    ]);
    expect(await t.sql(`SELECT status, amount_minor FROM order_refunds WHERE order_id = $1`, [orderId])).toEqual([
      { status: 'SUCCEEDED', amount_minor: '24000' },
    ]);
    expect((await readOrder(orderId, dave.token)).data!.order.status).toBe('REFUNDED');
    expect(
      (await notes(dave.token, orderId)).data!.devNotifications.filter((n: any) => n.kind === 'SLOT_CANCELLED'),
    ).toHaveLength(1);
  });

  it('leaves every payment racing a slot cancellation either sold then refunded, or refunded as late: nothing kept, nothing held', async () => {
    const slot = await t.gql(
      `mutation($input: AddTimeSlotInput!) { addTimeSlot(input: $input) { id } }`,
      {
        input: {
          experienceId: shop.experienceId,
          startsAt: new Date(t.clock.now().getTime() + 120 * 3600_000).toISOString(),
          endsAt: new Date(t.clock.now().getTime() + 122 * 3600_000).toISOString(),
          capacity: 20,
        },
      },
      shop.licensed.merchant.token,
    );
    const slotId = slot.data!.addTimeSlot.id as string;
    const buyers = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(t, `racer${i}`)));
    const orders = [];
    for (const who of buyers) {
      const placed = await checkout(t, who.token, [
        { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
      ]);
      orders.push({ who, id: placed.data!.checkout.order.id as string });
    }
    // Every path takes the order before the slot, and the cancellation skips orders someone holds: no deadlock to
    // break, so every call is accepted the first time.
    // Two orders are paid before; the other four race the cancellation.
    for (const o of orders.slice(0, 2)) expect((await confirm(o.id, o.who.token)).errors).toBeUndefined();
    const results = await Promise.all([
      ...orders.slice(2, 4).map((o) => confirm(o.id, o.who.token)),
      cancelSlot(slotId),
      ...orders.slice(4).map((o) => confirm(o.id, o.who.token)),
    ]);
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    await job().runDueTasks();

    const states = await t.sql<{ status: string; refund_due: boolean; payment: string }>(
      `SELECT o.status, o.refund_due, p.status AS payment FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.id = ANY($1)`,
      [orders.map((o) => o.id)],
    );
    expect(states).toHaveLength(6);
    for (const state of states) {
      expect([
        { status: 'REFUNDED', refund_due: false, payment: 'REFUNDED' },
        { status: 'CANCELLED', refund_due: false, payment: 'REFUNDED' },
      ]).toContainEqual(state);
    }
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM tickets WHERE time_slot_id = $1 AND voided_at IS NULL`, [slotId]),
    ).toEqual([{ n: 0 }]);
    const sold = states.filter((st) => st.status === 'REFUNDED').length * 2;
    expect(sold).toBeGreaterThanOrEqual(4);
    expect(await seatsOf(t, slotId)).toEqual({ capacity: 20, reserved: 0, sold });
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM order_refund_tasks WHERE order_id = ANY($1) AND status <> 'DONE'`, [
        orders.map((o) => o.id),
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('refunds a payment that arrived after its reservation lapsed and its seats were sold', async () => {
    const small = await t.gql(
      `mutation($input: AddTimeSlotInput!) { addTimeSlot(input: $input) { id } }`,
      {
        input: {
          experienceId: shop.experienceId,
          startsAt: new Date(t.clock.now().getTime() + 96 * 3600_000).toISOString(),
          endsAt: new Date(t.clock.now().getTime() + 98 * 3600_000).toISOString(),
          capacity: 2,
        },
      },
      shop.licensed.merchant.token,
    );
    const slotId = small.data!.addTimeSlot.id as string;
    const [erin, frank] = [await signUp(t, 'erin'), await signUp(t, 'frank')];
    const late = await checkout(t, erin.token, [
      { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    const orderId = late.data!.checkout.order.id as string;
    t.clock.advanceBy(16 * 60_000);
    await t.app.get(ReservationExpiryJob).expireReservations();
    const rival = await checkout(t, frank.token, [
      { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    await confirm(rival.data!.checkout.order.id, frank.token);

    const paidLate = await t.gql(
      `mutation($id: ID!) { devConfirmPayment(orderId: $id) { status refundDue } }`,
      { id: orderId },
      erin.token,
    );
    expect(paidLate.data!.devConfirmPayment).toEqual({ status: 'CANCELLED', refundDue: true });
    expect(await t.sql(`SELECT kind, status FROM order_refund_tasks WHERE order_id = $1`, [orderId])).toEqual([
      { kind: 'LATE_PAYMENT', status: 'PENDING' },
    ]);
    const ledgerBefore = await t.sql(`SELECT count(*)::int AS n FROM journal_entries`);

    expect(await job().runDueTasks()).toEqual({ done: 1, retrying: 0 });
    expect(await job().runDueTasks()).toEqual({ done: 0, retrying: 0 });
    expect((await readOrder(orderId, erin.token)).data!.order).toMatchObject({ status: 'CANCELLED', refundDue: false });
    expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [orderId])).toEqual([
      { status: 'REFUNDED', refunded_minor: '24000' },
    ]);
    // Nothing was sold, so nothing is reversed in the ledger and no line refund exists.
    expect(await t.sql(`SELECT count(*)::int AS n FROM journal_entries`)).toEqual(ledgerBefore);
    expect(await t.sql(`SELECT 1 FROM order_refunds WHERE order_id = $1`, [orderId])).toHaveLength(0);
    expect(await seatsOf(t, slotId)).toEqual({ capacity: 2, reserved: 0, sold: 2 });
    const erinNotes = (await notes(erin.token, orderId)).data!.devNotifications;
    expect(erinNotes.map((n: any) => n.kind)).toEqual(['LATE_PAYMENT_REFUNDED']);
    expect(JSON.parse(erinNotes[0].payload).refund).toEqual({ amountMinor: 24000, currency: 'CNY' });
  });

  describe('refunds give stock and seats back', () => {
    const refund = (orderLineId: string, extra: { amountMinor?: number; restock?: boolean } = {}) =>
      t.gql(
        `mutation($id: ID!, $amountMinor: SafeInt, $restock: Boolean) { refundOrderLine(orderLineId: $id, amountMinor: $amountMinor, restock: $restock) { id status } }`,
        { id: orderLineId, ...extra },
        shop.licensed.merchant.token,
      );
    const returns = (variantId: string) =>
      t.sql<{ delta: number; stock_after: number }>(
        `SELECT delta, stock_after FROM stock_movements WHERE variant_id = $1 AND reason = 'RETURN' ORDER BY created_at, stock_after`,
        [variantId],
      );
    const stock = async (variantId: string) =>
      (
        await t.sql<{ stock: number; reserved: number; sold: number }>(
          `SELECT stock_on_hand AS stock, reserved, sold FROM product_variants WHERE id = $1`,
          [variantId],
        )
      )[0]!;

    async function paidOrder(
      lines: { variantId?: string; timeSlotId?: string; ticketTypeId?: string; quantity: number }[],
    ) {
      const buyer = await signUp(t, 'refund-buyer');
      const placed = await checkout(t, buyer.token, lines);
      expect(placed.errors).toBeUndefined();
      await confirm(placed.data!.checkout.order.id, buyer.token);
      return { buyer, order: (await readOrder(placed.data!.checkout.order.id, buyer.token)).data!.order };
    }

    it('tells the buyer of each refund the merchant makes, once the provider took it; a refused refund tells nothing', async () => {
      const { buyer, order } = await paidOrder([{ variantId: shop.variantId, quantity: 2 }]);
      const lineId = order.lines[0].id as string;
      const told = async () =>
        ((await notes(buyer.token, order.id)).data!.devNotifications as { kind: string; payload: string }[])
          .filter((n) => n.kind === 'ORDER_LINE_REFUNDED')
          .map((n) => JSON.parse(n.payload));
      expect(await told()).toEqual([]);

      expect((await refund(lineId, { amountMinor: 9900 })).errors).toBeUndefined();
      const [refundRow] = await t.sql<{ id: string }>(`SELECT id FROM order_refunds WHERE order_line_id = $1`, [
        lineId,
      ]);
      expect(await told()).toEqual([
        {
          orderId: order.id,
          refundId: refundRow!.id,
          productName: 'Lotus Lantern T-shirt',
          productNameZh: '宝莲灯T恤',
          ticketTypeName: null,
          ticketTypeNameZh: null,
          amount: { amountMinor: 9900, currency: 'CNY' },
          shippingRefund: null,
        },
      ]);

      // The provider refuses the next one: the refund failed, and the buyer hears nothing of it.
      const realNext = gateway.refund;
      gateway.refund = async () => {
        throw new Error('card_declined');
      };
      try {
        expect((await refund(lineId)).errors).toBeDefined();
      } finally {
        gateway.refund = realNext;
      }
      expect(await told()).toHaveLength(1);
      expect((await refund(lineId)).data!.refundOrderLine.status).toBe('REFUNDED');
      expect((await told()).map((p: { amount: { amountMinor: number } }) => p.amount.amountMinor)).toEqual([
        9900, 9900,
      ]);
    });

    it('keeps the email of a refund recorded as succeeded even if the process dies right after: it commits with the refund, once', async () => {
      const { buyer, order } = await paidOrder([{ variantId: shop.variantId, quantity: 1 }]);
      const lineId = order.lines[0].id as string;
      // The fault: the first read after the refund's settling transaction committed fails, as a crash there would.
      const orders = t.app.get(OrderRepository);
      const crash = jest.spyOn(orders, 'findById').mockRejectedValueOnce(new Error('process died'));
      try {
        expect((await refund(lineId)).errors).toBeDefined();
        expect(crash).toHaveBeenCalledTimes(1);
      } finally {
        crash.mockRestore();
      }
      const [refundRow] = await t.sql<{ id: string; status: string }>(
        `SELECT id, status FROM order_refunds WHERE order_line_id = $1`,
        [lineId],
      );
      expect(refundRow!.status).toBe('SUCCEEDED');
      const told = ((await notes(buyer.token, order.id)).data!.devNotifications as { kind: string; payload: string }[])
        .filter((n) => n.kind === 'ORDER_LINE_REFUNDED')
        .map((n) => JSON.parse(n.payload).refundId);
      expect(told).toEqual([refundRow!.id]);
    });

    it('returns whole refunded units of an unshipped line to stock as RETURN movements, none of a shipped one unless asked', async () => {
      const variantId = shop.variantId;
      const { order } = await paidOrder([{ variantId, quantity: 3 }]);
      const lineId = order.lines[0].id as string;
      const start = await stock(variantId);

      expect((await refund(lineId, { amountMinor: 9900 })).data!.refundOrderLine.status).toBe('PARTIALLY_REFUNDED');
      expect(await stock(variantId)).toEqual({ ...start, stock: start.stock + 1 });
      // Half a unit more gives nothing back yet; the rest of the line gives back the two units it completes.
      await refund(lineId, { amountMinor: 4950 });
      expect((await stock(variantId)).stock).toBe(start.stock + 1);
      expect((await refund(lineId)).data!.refundOrderLine.status).toBe('REFUNDED');
      expect(await stock(variantId)).toEqual({ ...start, stock: start.stock + 3 });
      expect((await returns(variantId)).slice(-2).map((m) => m.delta)).toEqual([1, 2]);
      expect((await returns(variantId)).at(-1)!.stock_after).toBe(start.stock + 3);

      // Shipped: the goods are with the buyer, so nothing comes back unless the merchant says it did.
      const shipped = await paidOrder([{ variantId, quantity: 2 }]);
      const shippedLine = shipped.order.lines[0].id as string;
      await t.gql(
        `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { status } }`,
        { id: shippedLine },
        shop.licensed.merchant.token,
      );
      const beforeShipped = await stock(variantId);
      await refund(shippedLine, { amountMinor: 9900 });
      expect(await stock(variantId)).toEqual(beforeShipped);
      await refund(shippedLine, { restock: true });
      expect(await stock(variantId)).toEqual({ ...beforeShipped, stock: beforeShipped.stock + 1 });

      // Not yet shipped, but the merchant keeps the units out of stock (damaged in the return).
      const kept = await paidOrder([{ variantId, quantity: 1 }]);
      const beforeKept = await stock(variantId);
      await refund(kept.order.lines[0].id, { restock: false });
      expect(await stock(variantId)).toEqual(beforeKept);
    });

    it('voids refunded seats, unredeemed first, and puts them back on sale while the slot is to come', async () => {
      const { order } = await paidOrder([
        { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 3 },
      ]);
      const line = order.lines[0];
      const codes = (order.tickets as { code: string }[]).map((x) => x.code);
      const redeem = (code: string) => t.gql(contractOperation('RedeemTicket'), { code }, shop.licensed.merchant.token);
      expect((await redeem(codes[0]!)).errors).toBeUndefined();
      const seats = await seatsOf(t, shop.slotId);

      expect(errorCode(await refund(line.id, { restock: true }))).toBe('BAD_USER_INPUT');
      await refund(line.id, { amountMinor: 12000 });
      expect(await seatsOf(t, shop.slotId)).toEqual({ ...seats, sold: seats.sold - 1 });
      const voided = await t.sql<{ code: string; void_reason: string }>(
        `SELECT code, void_reason FROM tickets WHERE order_line_id = $1 AND voided_at IS NOT NULL`,
        [line.id],
      );
      expect(voided).toHaveLength(1);
      expect(voided[0]!.void_reason).toBe('REFUNDED');
      expect(voided[0]!.code).not.toBe(codes[0]);
      const refused = await redeem(voided[0]!.code);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toBe('This ticket is void: its seat was refunded');

      // The rest of the line: the one unredeemed ticket left is voided; the redeemed seat was used and stays sold.
      await refund(line.id);
      expect(await seatsOf(t, shop.slotId)).toEqual({ ...seats, sold: seats.sold - 2 });
      expect(
        await t.sql(`SELECT count(*)::int AS n FROM tickets WHERE order_line_id = $1 AND voided_at IS NULL`, [line.id]),
      ).toEqual([{ n: 1 }]);

      // Once every ticket still valid is redeemed, the line is fulfilled: voided ones are not waited for.
      const pair = await paidOrder([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 }]);
      await refund(pair.order.lines[0].id, { amountMinor: 12000 });
      const [valid] = await t.sql<{ code: string }>(
        `SELECT code FROM tickets WHERE order_line_id = $1 AND voided_at IS NULL`,
        [pair.order.lines[0].id],
      );
      expect((await redeem(valid!.code)).errors).toBeUndefined();
      expect(await t.sql(`SELECT fulfilment FROM order_lines WHERE id = $1`, [pair.order.lines[0].id])).toEqual([
        { fulfilment: 'REDEEMED' },
      ]);

      // A slot that has begun keeps its seats: voided, not resold.
      const late = await paidOrder([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 }]);
      const beforeStart = await seatsOf(t, shop.slotId);
      const [slotTimes] = await t.sql<{ startsAt: Date; endsAt: Date }>(
        `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM time_slots WHERE id = $1`,
        [shop.slotId],
      );
      const now = t.clock.now().getTime();
      await t.sql(`UPDATE time_slots SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        shop.slotId,
        new Date(now - 60_000),
        new Date(now + 3600_000),
      ]);
      expect((await refund(late.order.lines[0].id)).errors).toBeUndefined();
      await t.sql(`UPDATE time_slots SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        shop.slotId,
        slotTimes!.startsAt,
        slotTimes!.endsAt,
      ]);
      expect(await seatsOf(t, shop.slotId)).toEqual(beforeStart);
      expect(
        await t.sql(`SELECT count(*)::int AS n FROM tickets WHERE order_line_id = $1 AND voided_at IS NULL`, [
          late.order.lines[0].id,
        ]),
      ).toEqual([{ n: 0 }]);
    });

    it('fulfils a partially refunded order once what is left has been handed over', async () => {
      const fulfil = (id: string) =>
        t.gql(
          `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { status } }`,
          { id },
          shop.licensed.merchant.token,
        );
      const redeem = (code: string) => t.gql(contractOperation('RedeemTicket'), { code }, shop.licensed.merchant.token);
      const statusOf = async (orderId: string) =>
        (await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]))[0]!.status;
      const lines = [
        { variantId: shop.variantId, quantity: 1 },
        { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
      ];

      // The goods line is refunded in full; the two seats are then redeemed: nothing is left to hand over.
      const first = await paidOrder(lines);
      const [goods, seats] = first.order.lines as { id: string; kind: string }[];
      await refund(goods!.id);
      expect(await statusOf(first.order.id)).toBe('PARTIALLY_REFUNDED');
      const codes = (first.order.tickets as { code: string }[]).map((x) => x.code);
      expect((await redeem(codes[0]!)).errors).toBeUndefined();
      expect(await statusOf(first.order.id)).toBe('PARTIALLY_REFUNDED');
      expect((await redeem(codes[1]!)).errors).toBeUndefined();
      expect(await statusOf(first.order.id)).toBe('FULFILLED');
      expect(seats!.kind).toBe('EXPERIENCE');

      // One seat used, the other refunded: the seats line is handed over; shipping the goods completes the order.
      const second = await paidOrder(lines);
      const [goods2, seats2] = second.order.lines as { id: string }[];
      expect((await redeem((second.order.tickets as { code: string }[])[0]!.code)).errors).toBeUndefined();
      await refund(seats2!.id, { amountMinor: 12000 });
      expect(await t.sql(`SELECT fulfilment FROM order_lines WHERE id = $1`, [seats2!.id])).toEqual([
        { fulfilment: 'REDEEMED' },
      ]);
      expect(await statusOf(second.order.id)).toBe('PARTIALLY_REFUNDED');
      expect((await fulfil(goods2!.id)).data!.fulfilOrderLine.status).toBe('FULFILLED');
    });

    it('returns stock exactly once per refund when many refunds of one variant settle at once', async () => {
      const variantId = shop.variantId;
      const orders = [];
      for (let i = 0; i < 6; i += 1) orders.push((await paidOrder([{ variantId, quantity: 1 }])).order);
      const before = await stock(variantId);
      const movementsBefore = (await returns(variantId)).length;
      const results = await Promise.all(orders.flatMap((o) => [refund(o.lines[0].id), refund(o.lines[0].id)]));
      expect(results.filter((r) => r.errors === undefined)).toHaveLength(6);
      expect(results.filter((r) => r.errors !== undefined).every((r) => errorCode(r) === 'CONFLICT')).toBe(true);
      expect(await stock(variantId)).toEqual({ ...before, stock: before.stock + 6 });
      const after = (await returns(variantId)).slice(movementsBefore);
      expect(after.map((m) => m.delta)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(after.map((m) => m.stock_after).sort((a, b) => a - b)).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => before.stock + n),
      );
      const [row] = await t.sql<{ ok: boolean }>(
        `SELECT bool_and(stock_on_hand >= sold + reserved) AS ok FROM product_variants`,
      );
      expect(row!.ok).toBe(true);
    });
  });

  describe('the notifications outbox', () => {
    const sent: EmailMessage[] = [];
    let failures = 0;

    beforeAll(async () => {
      const sender = t.app.get(EmailSender);
      expect(sender.kind).toBe('development');
      const deliver = sender.send.bind(sender);
      sender.send = async (message: EmailMessage) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('451 mailbox busy');
        }
        sent.push(message);
        return deliver(message);
      };
      // What earlier tests queued goes out first, so the counts below are this test's own.
      await t.app.get(NotificationDeliveryJob).deliverDue();
      sent.length = 0;
    });

    it('sends the order confirmation with its ticket codes once, retrying a failing sender later', async () => {
      const job = () => t.app.get(NotificationDeliveryJob).deliverDue();
      const buyer = await signUp(t, 'mail-buyer');
      // The buyer's verification email goes out first, so the counts below are the order's own.
      await job();
      sent.length = 0;
      const placed = await checkout(t, buyer.token, [
        { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
      ]);
      const orderId = placed.data!.checkout.order.id as string;
      await confirm(orderId, buyer.token);
      const codes = ((await readOrder(orderId, buyer.token)).data!.order.tickets as { code: string }[]).map(
        (x) => x.code,
      );
      const queued = async () =>
        (await t.gql(`query($id: ID) { devNotifications(orderId: $id) { kind sentAt } }`, { id: orderId }, buyer.token))
          .data!.devNotifications;
      expect(await queued()).toEqual([{ kind: 'ORDER_CONFIRMATION', sentAt: null }]);

      failures = 1;
      expect(await job()).toEqual({ sent: 0, retrying: 1 });
      expect(
        await t.sql(`SELECT attempts, last_error, sent_at FROM notifications WHERE order_id = $1`, [orderId]),
      ).toEqual([{ attempts: 1, last_error: '451 mailbox busy', sent_at: null }]);
      expect(await job()).toEqual({ sent: 0, retrying: 0 });
      t.clock.advanceBy(16_000);
      const runs = await Promise.all([job(), job()]);
      expect(runs.reduce((sum, r) => sum + (r?.sent ?? 0), 0)).toBe(1);
      expect(await job()).toEqual({ sent: 0, retrying: 0 });

      expect(sent).toHaveLength(1);
      expect(sent[0]!.to).toBe(buyer.email);
      expect(sent[0]!.subject).toBe(`订单已确认 Order confirmed #${orderId.slice(0, 8).toUpperCase()}`);
      for (const code of codes) expect(sent[0]!.text).toContain(`- ${code}`);
      expect(await queued()).toEqual([{ kind: 'ORDER_CONFIRMATION', sentAt: expect.any(String) }]);
      expect(await t.sql(`SELECT attempts FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
        { attempts: 2 },
      ]);
    });
  });

  describe("order lists: a visitor's history, a merchant's filtered orders, a venue's day of guests", () => {
    const DAY_MS = 24 * 3600_000;
    /** The Asia/Shanghai calendar day of an instant. */
    const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

    it("pages a visitor's own orders newest first", async () => {
      const visitor = await signUp(t, 'history');
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const placed = await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]);
        ids.push(placed.data!.checkout.order.id);
        t.clock.advanceBy(1_000);
      }
      const page = (after?: string) =>
        t.gql(
          `query($after: String) { myOrders(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          visitor.token,
        );
      const first = (await page()).data!.myOrders;
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await page(first.pageInfo.endCursor)).data!.myOrders;
      expect(second.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const other = await signUp(t, 'history-other');
      expect((await t.gql(`{ myOrders { totalCount } }`, {}, other.token)).data!.myOrders.totalCount).toBe(0);
      for (const id of ids)
        await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`, { id }, visitor.token);
    });

    it("filters a merchant's orders by status, product and the day they were placed", async () => {
      const visitor = await signUp(t, 'filters');
      const merch = await checkout(t, visitor.token, [{ variantId: shop.variantId, quantity: 1 }]);
      const seats = await checkout(t, visitor.token, [
        { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 },
      ]);
      const merchId = merch.data!.checkout.order.id as string;
      const seatsId = seats.data!.checkout.order.id as string;
      await confirm(seatsId, visitor.token);
      // Placed on two different days, as the merchant's calendar (Asia/Shanghai) has them.
      const today = t.clock.now();
      const lastWeek = new Date(today.getTime() - 7 * DAY_MS);
      await t.sql(`UPDATE orders SET created_at = $2 WHERE id = $1`, [merchId, lastWeek]);

      const query = (filters: Record<string, unknown>) =>
        t
          .gql(
            `query($m: ID!, $s: OrderStatus, $p: ID, $from: Date, $to: Date) {
               merchantOrders(merchantId: $m, status: $s, productId: $p, from: $from, to: $to, first: 100) { edges { node { id } } } }`,
            { m: shop.licensed.merchant.organizationId, ...filters },
            shop.licensed.merchant.token,
          )
          .then((r) =>
            (r.data!.merchantOrders.edges as { node: { id: string } }[])
              .map((e) => e.node.id)
              .filter((id) => [merchId, seatsId].includes(id)),
          );

      expect((await query({})).sort()).toEqual([merchId, seatsId].sort());
      expect(await query({ s: 'PENDING_PAYMENT' })).toEqual([merchId]);
      expect(await query({ s: 'PAID' })).toEqual([seatsId]);
      expect(await query({ p: shop.experienceId })).toEqual([seatsId]);
      expect(await query({ p: shop.productId })).toEqual([merchId]);
      expect(await query({ from: shanghaiDay(today) })).toEqual([seatsId]);
      expect(await query({ to: shanghaiDay(lastWeek) })).toEqual([merchId]);
      expect(await query({ from: shanghaiDay(lastWeek), to: shanghaiDay(lastWeek) })).toEqual([merchId]);
      expect(await query({ from: shanghaiDay(today), p: shop.productId })).toEqual([]);
      await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`, { id: merchId }, visitor.token);
    });

    it("lists a venue's expected guests of a day with the tickets still valid", async () => {
      const day = shanghaiDay(new Date(t.clock.now().getTime() + 5 * DAY_MS));
      const addSlotAt = async (hourUtc: number) =>
        (
          await t.gql(
            `mutation($input: AddTimeSlotInput!) { addTimeSlot(input: $input) { id } }`,
            {
              input: {
                experienceId: shop.experienceId,
                startsAt: new Date(`${day}T0${hourUtc}:00:00.000Z`).toISOString(),
                endsAt: new Date(`${day}T0${hourUtc + 1}:00:00.000Z`).toISOString(),
                capacity: 10,
              },
            },
            shop.licensed.merchant.token,
          )
        ).data!.addTimeSlot.id as string;
      const [morning, afternoon] = [await addSlotAt(2), await addSlotAt(6)];
      const [ann, ben, cat, dan] = [
        await signUp(t, 'ann'),
        await signUp(t, 'ben'),
        await signUp(t, 'cat'),
        await signUp(t, 'dan'),
      ];
      const buy = async (who: Party, slotId: string, quantity: number, pay = true) => {
        const placed = await checkout(t, who.token, [
          { timeSlotId: slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity },
        ]);
        const id = placed.data!.checkout.order.id as string;
        if (pay) await confirm(id, who.token);
        return (await readOrder(id, who.token)).data!.order;
      };
      const annOrder = await buy(ann, morning, 2);
      const benOrder = await buy(ben, morning, 2);
      await buy(cat, afternoon, 1);
      await buy(dan, morning, 1, false);

      await t.gql(contractOperation('RedeemTicket'), { code: annOrder.tickets[0].code }, shop.licensed.merchant.token);
      await t.gql(
        `mutation($id: ID!) { refundOrderLine(orderLineId: $id, amountMinor: 12000) { status } }`,
        { id: benOrder.lines[0].id },
        shop.licensed.merchant.token,
      );
      await cancelSlot(afternoon);

      const guests = await t.gql(
        `query($v: ID!, $d: Date!) { venueGuests(venueId: $v, date: $d) { orderId timeSlotId seats redeemed } }`,
        { v: shop.venueId, d: day },
        shop.licensed.merchant.token,
      );
      // Ann's two seats (one already in), Ben's one seat left after his refund; not Cat's cancelled slot, not Dan's unpaid order.
      const expected = [
        { orderId: annOrder.id, timeSlotId: morning, seats: 2, redeemed: 1 },
        { orderId: benOrder.id, timeSlotId: morning, seats: 1, redeemed: 0 },
      ].sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
      expect(guests.data!.venueGuests).toEqual(expected);
      expect(
        errorCode(
          await t.gql(
            `query($v: ID!, $d: Date!) { venueGuests(venueId: $v, date: $d) { orderId } }`,
            { v: shop.venueId, d: day },
            ann.token,
          ),
        ),
      ).toBe('NOT_FOUND');
    });
  });
});
