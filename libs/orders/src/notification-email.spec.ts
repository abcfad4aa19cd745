import { renderNotificationEmail } from './notification-email';

const WEB = 'https://market.example.test';

describe('delivery emails', () => {
  it('the shipping email gives the carrier, the tracking number, the items and the order page', () => {
    const mail = renderNotificationEmail(
      'ORDER_SHIPPED',
      { orderId: '0f0e0d0c-aaaa-bbbb-cccc-000000000001', carrier: '顺丰速运', trackingNumber: 'SF1234567890', lines: [{ productName: '宝莲灯T恤', quantity: 2 }] },
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
    const withCode = renderNotificationEmail('ORDER_CONFIRMATION', { ...confirmation, pickupCodes: ['ABCDEFGHIJKLMNOP'] }, 'a@example.test', null, WEB);
    expect(withCode.text).toContain('自提码 / Pickup codes');
    expect(withCode.text).toContain('- ABCDEFGHIJKLMNOP');
    expect(renderNotificationEmail('ORDER_CONFIRMATION', confirmation, 'a@example.test', null, WEB).text).not.toContain('自提码');
  });
});
