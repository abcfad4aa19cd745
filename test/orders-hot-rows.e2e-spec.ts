import { DomainEventBus } from '@chedun/db';
import { OrderPaid } from '@chedun/kernel';
import { Client } from 'pg';
import { contractOperation } from './support/contract';
import { checkout, openShop, stockOf } from './support/orders';
import { signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every buyer of the same item waits on its stock row. The transaction that pays an order turns the reservation
 * into a sale last, so the row is not held while the tickets, the confirmation email and the ledger entry are
 * written: when OrderPaid is handled (the ledger's turn) another connection can still take the row at once.
 */
describe('hot stock rows while an order is paid', () => {
  let t: TestApp;
  let probe: Client;
  const seen: { locked: boolean }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    probe = new Client({ connectionString: t.databaseUrl });
    await probe.connect();
  });
  afterAll(async () => {
    await probe.end();
    await t.close();
  });

  it('leaves the stock row free until the end of the paying transaction, and still sells exactly once', async () => {
    const shop = await openShop(t, { stock: 5 });
    t.app.get(DomainEventBus).subscribe<OrderPaid>('OrderPaid', async () => {
      try {
        await probe.query('BEGIN');
        await probe.query(`SELECT 1 FROM product_variants WHERE id = $1 FOR NO KEY UPDATE NOWAIT`, [shop.variantId]);
        seen.push({ locked: false });
      } catch {
        seen.push({ locked: true });
      } finally {
        await probe.query('ROLLBACK');
      }
    });
    const buyer = await signUp(t, 'hot-row-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 2 }]);
    expect(placed.errors).toBeUndefined();
    const before = await stockOf(t, shop.variantId);
    const paid = await t.gql(
      contractOperation('DevConfirmPayment'),
      { orderId: placed.data!.checkout.order.id },
      buyer.token,
    );
    expect(paid.errors).toBeUndefined();
    expect(seen).toEqual([{ locked: false }]);
    expect(await stockOf(t, shop.variantId)).toEqual({
      ...before,
      reserved: before.reserved - 2,
      sold: before.sold + 2,
    });
  });
});
