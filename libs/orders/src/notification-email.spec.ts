import { renderNotificationEmail } from './notification-email';

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
