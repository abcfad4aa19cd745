import { bilingualName, renderNotificationEmail } from './notification-email';

const WEB = 'https://chedun.example';

describe('order emails', () => {
  it("carry a ticket's type, times and venue with its map link, as the order page shows them", () => {
    const email = renderNotificationEmail(
      'ORDER_CONFIRMATION',
      {
        orderId: 'a1b2c3d4-0000-0000-0000-000000000000',
        total: { amountMinor: 24000, currency: 'CNY' },
        lines: [
          {
            productName: '宝莲灯拍摄地之旅',
            quantity: 2,
            netMinor: 24000,
            slotStartsAt: '2030-06-01T02:00:00.000Z',
            slotEndsAt: '2030-06-01T04:00:00.000Z',
            ticketTypeName: 'Adult',
            venue: {
              name: 'Xinshe Ranch',
              nameZh: '新社牧场',
              address: '1 Chedun Rd',
              addressZh: '车墩路 1 号',
              mapUrl: 'https://www.openstreetmap.org/?mlat=30.98&mlon=121.3',
            },
          },
        ],
        tickets: [{ code: 'ABCD-1234', qrPayload: 'x' }],
      },
      'li.lei@example.test',
      '李雷',
      WEB,
    );
    expect(email.text).toContain('宝莲灯拍摄地之旅 · Adult × 2');
    expect(email.text).toMatch(/2030.*10:00.*12:00/);
    expect(email.text).toContain('新社牧场 Xinshe Ranch，车墩路 1 号');
    expect(email.text).toContain('https://www.openstreetmap.org/?mlat=30.98&mlon=121.3');
  });

  const request = {
    orderId: 'a1b2c3d4-0000-0000-0000-000000000000',
    requestId: 'r1',
    productName: 'Lantern tee',
    quantity: 1,
    amount: { amountMinor: 9900, currency: 'CNY' },
    reason: 'Wrong size',
    automatic: false,
    decisionReason: null,
  };

  it("tell the merchant of a buyer's refund request and where to decide it", () => {
    const email = renderNotificationEmail(
      'REFUND_REQUESTED',
      { ...request, status: 'REQUESTED' },
      'shop@example.test',
      null,
      WEB,
    );
    expect(email.subject).toContain('New refund request #A1B2C3D4');
    expect(email.text).toContain('Wrong size');
    expect(email.text).toContain(`${WEB}/merchant`);
  });

  it('tell the buyer of an approval that also gives the shipping fee back: one amount, the fee named', () => {
    const email = renderNotificationEmail(
      'REFUND_REQUEST_DECIDED',
      { ...request, status: 'APPROVED', shippingRefund: { amountMinor: 1200, currency: 'CNY' } },
      'li.lei@example.test',
      null,
      WEB,
    );
    expect(email.text).toContain('CNY 111.00 将原路退回');
    expect(email.text).toContain('CNY 111.00 goes back to your original payment method');
    expect(email.text).toContain('含运费 CNY 12.00');
    expect(email.text).toContain('This includes the CNY 12.00 shipping fee');
  });

  it('an approval without a fee (or a refusal) says nothing of shipping', () => {
    for (const status of ['APPROVED', 'REFUSED']) {
      const email = renderNotificationEmail(
        'REFUND_REQUEST_DECIDED',
        {
          ...request,
          status,
          decisionReason: 'x',
          shippingRefund: status === 'REFUSED' ? { amountMinor: 1, currency: 'CNY' } : null,
        },
        'li.lei@example.test',
        null,
        WEB,
      );
      expect(email.text).not.toContain('运费');
      expect(email.text).not.toContain('shipping fee');
    }
  });

  it("tell the buyer of a refusal with the merchant's reason", () => {
    const email = renderNotificationEmail(
      'REFUND_REQUEST_DECIDED',
      { ...request, status: 'REFUSED', decisionReason: 'Worn already' },
      'li.lei@example.test',
      null,
      WEB,
    );
    expect(email.subject).toContain('Refund request refused');
    expect(email.text).toContain('The merchant says: Worn already');
    expect(email.text).toContain(`${WEB}/orders/${request.orderId}`);
  });
});

describe('delivery emails', () => {
  it('the shipping email gives the carrier, the tracking number, the items and the order page', () => {
    const mail = renderNotificationEmail(
      'ORDER_SHIPPED',
      {
        orderId: '0f0e0d0c-aaaa-bbbb-cccc-000000000001',
        carrier: '顺丰速运',
        trackingNumber: 'SF1234567890',
        lines: [{ productName: '宝莲灯T恤', quantity: 2 }],
      },
      'li.lei@example.test',
      '李雷',
      WEB,
    );
    expect(mail.subject).toBe('订单已发货 Order shipped #0F0E0D0C');
    expect(mail.text).toContain('顺丰速运');
    expect(mail.text).toContain('SF1234567890');
    expect(mail.text).toContain('- 宝莲灯T恤 × 2');
    expect(mail.text).toContain(`${WEB}/orders/0f0e0d0c-aaaa-bbbb-cccc-000000000001`);
  });

  it('a pickup order’s confirmation lists its pickup codes; one queued before delivery existed has none', () => {
    const confirmation = {
      orderId: '0f0e0d0c-aaaa-bbbb-cccc-000000000002',
      total: { amountMinor: 9900, currency: 'CNY' },
      lines: [{ productName: '宝莲灯T恤', quantity: 1, netMinor: 9900, slotStartsAt: null }],
      tickets: [],
    };
    const withCode = renderNotificationEmail(
      'ORDER_CONFIRMATION',
      { ...confirmation, pickupCodes: ['ABCDEFGHIJKLMNOP'] },
      'a@example.test',
      null,
      WEB,
    );
    expect(withCode.text).toContain('自提码 / Pickup codes');
    expect(withCode.text).toContain('- ABCDEFGHIJKLMNOP');
    expect(renderNotificationEmail('ORDER_CONFIRMATION', confirmation, 'a@example.test', null, WEB).text).not.toContain(
      '自提码',
    );
  });

  it('reminds a merchant of a missing sales report, in Chinese then English, with where to report it', () => {
    const mail = renderNotificationEmail(
      'SALES_REPORT_REMINDER',
      { organizationName: 'Chedun Old Street Shop', licenseId: 'lic-1', month: '2026-11' },
      'owner@example.test',
      'Owner',
      WEB,
    );
    expect(mail.subject).toBe('请提交 2026-11 的销售报告 Sales report for 2026-11 due');
    expect(mail.text).toContain('Chedun Old Street Shop 尚未提交授权 lic-1 在 2026-11 的平台外销售报告');
    expect(mail.text).toContain(`${WEB}/merchant?tab=sales-reports`);
  });
});

describe('product and ticket type names in both languages', () => {
  const ORDER = '0f0e0d0c-aaaa-bbbb-cccc-000000000003';
  const render = (kind: string, payload: object) =>
    renderNotificationEmail(kind, payload, 'li.lei@example.test', null, WEB).text;

  it('gives the Chinese name first and the English after, once when they are the same or there is no Chinese', () => {
    expect(bilingualName('Lotus Lantern T-shirt', '宝莲灯T恤')).toEqual({
      zh: '宝莲灯T恤',
      en: 'Lotus Lantern T-shirt',
      both: '宝莲灯T恤 Lotus Lantern T-shirt',
    });
    expect(bilingualName('Nezha', 'Nezha').both).toBe('Nezha');
    for (const zh of [null, undefined, '', '  ']) {
      expect(bilingualName('Lantern mug', zh)).toEqual({ zh: 'Lantern mug', en: 'Lantern mug', both: 'Lantern mug' });
    }
  });

  it('the confirmation lists each line with both names of the product and of the ticket type', () => {
    const text = render('ORDER_CONFIRMATION', {
      orderId: ORDER,
      total: { amountMinor: 21900, currency: 'CNY' },
      lines: [
        {
          productName: 'Lotus Lantern T-shirt',
          productNameZh: '宝莲灯T恤',
          quantity: 1,
          netMinor: 9900,
          slotStartsAt: null,
        },
        {
          productName: 'Ranch tour',
          productNameZh: '农场之旅',
          quantity: 1,
          netMinor: 12000,
          slotStartsAt: '2030-06-01T02:00:00.000Z',
          ticketTypeName: 'Adult',
          ticketTypeNameZh: '成人',
        },
      ],
      tickets: [],
    });
    expect(text).toContain('- 宝莲灯T恤 Lotus Lantern T-shirt × 1');
    expect(text).toContain('- 农场之旅 Ranch tour · 成人 Adult × 1 (');
  });

  it('a confirmation queued before lines kept Chinese names still reads, in English', () => {
    const text = render('ORDER_CONFIRMATION', {
      orderId: ORDER,
      total: { amountMinor: 9900, currency: 'CNY' },
      lines: [{ productName: 'Lotus Lantern T-shirt', quantity: 1, netMinor: 9900, slotStartsAt: null }],
      tickets: [],
    });
    expect(text).toContain('- Lotus Lantern T-shirt × 1');
  });

  it('the shipping email lists both names', () => {
    const text = render('ORDER_SHIPPED', {
      orderId: ORDER,
      carrier: 'SF',
      trackingNumber: 'SF1',
      lines: [{ productName: 'Lotus Lantern T-shirt', productNameZh: '宝莲灯T恤', quantity: 2 }],
    });
    expect(text).toContain('- 宝莲灯T恤 Lotus Lantern T-shirt × 2');
  });

  it('a cancelled session: the Chinese sentence names it in Chinese, the English one in English', () => {
    const lines = render('SLOT_CANCELLED', {
      orderId: ORDER,
      productName: 'Ranch tour',
      productNameZh: '农场之旅',
      slotStartsAt: '2030-06-01T02:00:00.000Z',
      refund: { amountMinor: 12000, currency: 'CNY' },
      voidedTickets: [],
    }).split('\n');
    expect(lines.find((l) => l.startsWith('很抱歉'))).toContain('农场之旅（');
    expect(lines.find((l) => l.startsWith('很抱歉'))).not.toContain('Ranch tour');
    expect(lines.find((l) => l.startsWith('We are sorry'))).toContain('Ranch tour at');
    expect(lines.find((l) => l.startsWith('We are sorry'))).not.toContain('农场之旅');
  });

  it('refund request emails: each language its own name; without a Chinese name, the English in both', () => {
    const base = {
      orderId: ORDER,
      requestId: 'r1',
      productName: 'Lotus Lantern T-shirt',
      quantity: 1,
      amount: { amountMinor: 9900, currency: 'CNY' },
      reason: 'Wrong size',
      automatic: false,
      decisionReason: null,
    };
    const requested = render('REFUND_REQUESTED', { ...base, productNameZh: '宝莲灯T恤', status: 'REQUESTED' });
    expect(requested).toContain('买家申请退款：宝莲灯T恤 × 1 (CNY 99.00)');
    expect(requested).toContain('A buyer asks for a refund: Lotus Lantern T-shirt × 1 (CNY 99.00)');
    const decided = render('REFUND_REQUEST_DECIDED', { ...base, productNameZh: '宝莲灯T恤', status: 'APPROVED' });
    expect(decided).toContain('将原路退回：宝莲灯T恤 × 1');
    expect(decided).toContain('original payment method: Lotus Lantern T-shirt × 1');
    expect(render('REFUND_REQUEST_DECIDED', { ...base, status: 'APPROVED' })).toContain(
      '将原路退回：Lotus Lantern T-shirt × 1',
    );
  });
});

describe('a refund the merchant made without a request', () => {
  const refund = {
    orderId: '0f0e0d0c-aaaa-bbbb-cccc-000000000004',
    refundId: 'f1',
    productName: 'Lotus Lantern T-shirt',
    productNameZh: '宝莲灯T恤',
    ticketTypeName: null,
    ticketTypeNameZh: null,
    amount: { amountMinor: 9900, currency: 'CNY' },
    shippingRefund: null,
  };

  it('names the product in each language and the amount, and says nothing of shipping without a fee', () => {
    const mail = renderNotificationEmail('ORDER_LINE_REFUNDED', refund, 'li.lei@example.test', '李雷', WEB);
    expect(mail.subject).toBe('订单已退款 Refund on your order #0F0E0D0C');
    expect(mail.text).toContain('您的订单有一笔退款：宝莲灯T恤，CNY 99.00。共 CNY 99.00 将原路退回。');
    expect(mail.text).toContain('A refund was made on your order: Lotus Lantern T-shirt, CNY 99.00.');
    expect(mail.text).not.toContain('运费');
    expect(mail.text).toContain(`${WEB}/orders/${refund.orderId}`);
  });

  it('adds the shipping fee it gave back to the total and names it', () => {
    const text = renderNotificationEmail(
      'ORDER_LINE_REFUNDED',
      { ...refund, shippingRefund: { amountMinor: 1200, currency: 'CNY' } },
      'li.lei@example.test',
      null,
      WEB,
    ).text;
    expect(text).toContain('共 CNY 111.00 将原路退回');
    expect(text).toContain('CNY 111.00 in all goes back');
    expect(text).toContain('含运费 CNY 12.00');
    expect(text).toContain('This includes the CNY 12.00 shipping fee');
  });

  it('names an experience’s ticket type too', () => {
    const text = renderNotificationEmail(
      'ORDER_LINE_REFUNDED',
      {
        ...refund,
        productName: 'Ranch tour',
        productNameZh: '农场之旅',
        ticketTypeName: 'Adult',
        ticketTypeNameZh: '成人',
      },
      'li.lei@example.test',
      null,
      WEB,
    ).text;
    expect(text).toContain('退款：农场之旅 · 成人，');
    expect(text).toContain('order: Ranch tour · Adult,');
  });
});

describe('a disputed sales report', () => {
  it('tells the merchant’s owner who disputed which month and why, and where to revise it', () => {
    const mail = renderNotificationEmail(
      'SALES_REPORT_DISPUTED',
      {
        organizationName: 'Chedun Old Street Shop',
        studioName: '上影 Shanghai Film Group',
        licenseId: 'lic-1',
        month: '2026-09',
        reason: '九月门店销量与库存记录不符',
      },
      'owner@example.test',
      'Owner',
      WEB,
    );
    expect(mail.subject).toBe('2026-09 的销售报告有异议 Sales report for 2026-09 disputed');
    expect(mail.text).toContain(
      '上影 Shanghai Film Group 对 Chedun Old Street Shop 在授权 lic-1 下 2026-09 的销售报告提出异议',
    );
    expect(mail.text).toContain('异议原因 Reason: 九月门店销量与库存记录不符');
    expect(mail.text).toContain(`${WEB}/merchant?tab=sales-reports`);
  });
});
