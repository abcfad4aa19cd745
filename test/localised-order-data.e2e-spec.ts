import { EmailMessage, EmailSender, NotificationDeliveryJob } from '@chedun/orders';
import { contractOperation } from './support/contract';
import { checkout, openShop, Shop } from './support/orders';
import { Party, signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

const ORDER = `query($id: ID!) { order(id: $id) { lines { kind productName productNameZh ticketTypeName ticketTypeNameZh } } }`;

/**
 * Localised order data (#15): an order line keeps the Chinese and English names of what was bought (product, ticket
 * type) as they were at purchase, and the studio's reports hand out the name of the interface's language.
 */
describe('localised order data', () => {
  let t: TestApp;
  let shop: Shop;
  let buyer: Party;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    shop = await openShop(t);
    buyer = await signUp(t, 'buyer');
    await t.sql(`UPDATE ticket_types SET name_zh = '成人' WHERE id = $1`, [shop.ticketTypeIds[0]]);
    const placed = await checkout(t, buyer.token, [
      { variantId: shop.variantId, quantity: 1 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
    ]);
    expect(placed.errors).toBeUndefined();
    orderId = placed.data!.checkout.order.id;
    const paid = await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token);
    expect(paid.data?.devConfirmPayment.status).toBe('PAID');
  });
  afterAll(() => t.close());

  it('keeps both names on the order line as bought, whatever the catalog says later', async () => {
    // The catalog renames the product afterwards: the order keeps what the buyer saw.
    await t.sql(`UPDATE products SET name = 'Renamed', name_zh = '改名了' WHERE id = $1`, [shop.productId]);
    const res = await t.gql(ORDER, { id: orderId }, buyer.token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.order.lines).toEqual([
      {
        kind: 'MERCHANDISE',
        productName: 'Lotus Lantern T-shirt',
        productNameZh: '宝莲灯T恤',
        ticketTypeName: null,
        ticketTypeNameZh: null,
      },
      {
        kind: 'EXPERIENCE',
        productName: 'Ranch filming location tour',
        productNameZh: '农场拍摄地之旅',
        ticketTypeName: 'Adult',
        ticketTypeNameZh: '成人',
      },
    ]);
  });

  it('gives the studio both names in its report and the interface language’s name in its CSV', async () => {
    const studio = shop.licensed.studio;
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const report = await t.gql(
      `query($s: ID!, $d: Date!) { royaltyReport(studioId: $s, from: $d, to: $d) { lines { productName productNameZh } } }`,
      { s: studio.organizationId, d: today },
      studio.token,
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.royaltyReport.lines).toEqual(
      expect.arrayContaining([{ productName: 'Lotus Lantern T-shirt', productNameZh: '宝莲灯T恤' }]),
    );

    const url = `${t.baseUrl}/reports/royalties.csv?studioId=${studio.organizationId}&from=${today}&to=${today}`;
    const csv = async (suffix: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url + suffix, { headers: { authorization: `Bearer ${studio.token}`, ...headers } });
      return { status: res.status, text: await res.text() };
    };
    const zh = await csv('&lang=zh');
    expect(zh.status).toBe(200);
    expect(zh.text).toContain(',宝莲灯T恤,');
    expect(zh.text).not.toContain('Lotus Lantern T-shirt');
    const en = await csv('&lang=en', { 'accept-language': 'zh-CN' });
    expect(en.text).toContain(',Lotus Lantern T-shirt,');
    expect(en.text).not.toContain('宝莲灯T恤');
    // No lang: the browser's Accept-Language decides.
    expect((await csv('', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).text).toContain(',宝莲灯T恤,');
    expect((await csv('&lang=fr')).status).toBe(400);
  });
  it('emails name what was bought in both languages: the confirmation, and a refund the merchant makes', async () => {
    // Captured from here on; the scheduled sweep may send too, through the same sender.
    const sent: EmailMessage[] = [];
    const sender = t.app.get(EmailSender);
    const deliver = sender.send.bind(sender);
    sender.send = async (message: EmailMessage) => {
      sent.push(message);
      return deliver(message);
    };
    const job = t.app.get(NotificationDeliveryJob);
    const emailed = async (subject: string) => {
      // The suite's clock stands still while the database's now() (which dates queued emails) moves on.
      t.clock.advanceBy(60_000);
      for (let i = 0; i < 50; i++) {
        await job.deliverDue();
        const found = sent.find((m) => m.to === buyer.email && m.subject.includes(subject));
        if (found) return found.text;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No email "${subject}" to the buyer`);
    };
    // Bought after the catalog renamed the product (above): the email names what this order's lines keep.
    const placed = await checkout(t, buyer.token, [
      { variantId: shop.variantId, quantity: 1 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
    ]);
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.checkout.order.id as string;
    await t.gql(contractOperation('DevConfirmPayment'), { orderId: id }, buyer.token);
    const confirmation = await emailed(`Order confirmed #${id.slice(0, 8).toUpperCase()}`);
    expect(confirmation).toContain('- 改名了 Renamed × 1');
    expect(confirmation).toContain('- 农场拍摄地之旅 Ranch filming location tour · 成人 Adult × 1 (');

    const [line] = await t.sql<{ id: string }>(
      `SELECT id FROM order_lines WHERE order_id = $1 AND kind = 'MERCHANDISE'`,
      [id],
    );
    const refunded = await t.gql(
      `mutation($id: ID!) { refundOrderLine(orderLineId: $id, amountMinor: 1000) { id } }`,
      { id: line!.id },
      shop.licensed.merchant.token,
    );
    expect(refunded.errors).toBeUndefined();
    const refund = await emailed(`Refund on your order #${id.slice(0, 8).toUpperCase()}`);
    expect(refund).toContain('您的订单有一笔退款：改名了，CNY 10.00。');
    expect(refund).toContain('A refund was made on your order: Renamed, CNY 10.00.');
  });
});
