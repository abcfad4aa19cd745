import { contractOperation } from './support/contract';
import { signUp } from './support/parties';
import { checkout, openShop } from './support/orders';
import { errorCode, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/** A ticket shows what it admits to and where (with a map link), and the buyer may add the order to a calendar. */
describe('ticket details and calendar', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RESERVATION_SWEEP_SECONDS: '3600', REFUND_SWEEP_SECONDS: '3600' } });
  });
  afterAll(() => t.close());

  it('shows the venue on each ticket and writes one calendar event per line still admitting someone, for the buyer only', async () => {
    const shop = await openShop(t);
    const buyer = await signUp(t, 'ticket-buyer');
    const placed = await checkout(t, buyer.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 },
    ]);
    const orderId = placed.data!.checkout.order.id as string;
    await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token);

    const read = await t.gql(
      `query($id: ID!) { order(id: $id) { lines { id } tickets { code productName ticketTypeName startsAt endsAt voidedAt
         venue { name nameZh address addressZh latitude longitude mapUrl } } } }`,
      { id: orderId },
      buyer.token,
    );
    expect(read.errors).toBeUndefined();
    const tickets = read.data!.order.tickets as {
      ticketTypeName: string;
      venue: Record<string, unknown>;
      startsAt: string;
    }[];
    expect(tickets).toHaveLength(3);
    expect(tickets[0]!.venue).toEqual({
      name: 'Xinshe Ranch',
      nameZh: '新社牧场',
      address: null,
      addressZh: null,
      latitude: 30.98,
      longitude: 121.3,
      mapUrl: 'https://www.openstreetmap.org/?mlat=30.98&mlon=121.3#map=17/30.98/121.3',
    });
    expect(tickets.map((tk) => tk.ticketTypeName).sort()).toEqual(['Adult', 'Adult', 'Child']);

    // The child's line refunded: its seat no longer admits, so it leaves the calendar.
    const childLine = read.data!.order.lines[1].id as string;
    await t.gql(
      `mutation($id: ID!) { refundOrderLine(orderLineId: $id) { id } }`,
      { id: childLine },
      shop.licensed.merchant.token,
    );

    const calendar = await t.gql(`query($id: ID!) { orderCalendar(orderId: $id) }`, { id: orderId }, buyer.token);
    expect(calendar.errors).toBeUndefined();
    const ics = calendar.data!.orderCalendar as string;
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const start = new Date(tickets[0]!.startsAt);
    const local = new Date(start.getTime() + 8 * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
    expect(unfolded).toContain(`DTSTART;TZID=Asia/Shanghai:${local}`);
    expect(unfolded).toContain('LOCATION:新社牧场 Xinshe Ranch');
    expect(unfolded).toMatch(/SUMMARY:.*\(Adult\) × 2/);

    const stranger = await signUp(t, 'ticket-stranger');
    expect(
      errorCode(await t.gql(`query($id: ID!) { orderCalendar(orderId: $id) }`, { id: orderId }, stranger.token)),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await t.gql(`query($id: ID!) { orderCalendar(orderId: $id) }`, { id: orderId }, shop.licensed.merchant.token),
      ),
    ).toBe('NOT_FOUND');
  });
});
