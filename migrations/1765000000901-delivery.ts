import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery (orders context): each merchant's delivery options, the visitor's address book, the order's delivery
 * choice with its address copied at checkout, each merchant's part of it (its shipping fee, or its pickup code), and
 * shipments of lines with carrier and tracking number. The ledger keeps each paid shipping fee beside the line
 * splits, posted to the merchant's payable with no royalty and no platform fee (DESIGN §2, delivery).
 */
export class Delivery1765000000901 implements MigrationInterface {
  name = 'Delivery1765000000901';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merchant_delivery_options (
        merchant_id uuid PRIMARY KEY REFERENCES organizations(id),
        pickup boolean NOT NULL,
        ship boolean NOT NULL,
        currency char(3) NOT NULL,
        shipping_fee_minor bigint CHECK (shipping_fee_minor >= 0),
        free_shipping_from_minor bigint CHECK (free_shipping_from_minor >= 0),
        pickup_address text CHECK (length(pickup_address) BETWEEN 1 AND 200),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        CONSTRAINT merchant_delivery_options_some_method CHECK (pickup OR ship),
        CONSTRAINT merchant_delivery_options_ship_fee CHECK (NOT ship OR shipping_fee_minor IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE address_book_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        recipient text NOT NULL,
        phone text NOT NULL,
        province text NOT NULL,
        city text NOT NULL,
        district text NOT NULL,
        street text NOT NULL,
        postal_code text NOT NULL DEFAULT '',
        last_used_at timestamptz NOT NULL,
        CONSTRAINT address_book_entries_once UNIQUE (user_id, recipient, phone, province, city, district, street, postal_code)
      )`);
    await q.query(`CREATE INDEX address_book_entries_recent ON address_book_entries (user_id, last_used_at DESC)`);
    await q.query(`
      CREATE TABLE order_deliveries (
        order_id uuid PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('PICKUP', 'SHIP')),
        recipient text,
        phone text,
        province text,
        city text,
        district text,
        street text,
        postal_code text,
        CONSTRAINT order_deliveries_address CHECK ((method = 'SHIP') = (recipient IS NOT NULL AND phone IS NOT NULL AND province IS NOT NULL
                                                   AND city IS NOT NULL AND district IS NOT NULL AND street IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE order_merchant_deliveries (
        order_id uuid NOT NULL REFERENCES order_deliveries(order_id) ON DELETE CASCADE,
        merchant_id uuid NOT NULL,
        fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
        currency char(3) NOT NULL,
        pickup_code text UNIQUE,
        handed_over_at timestamptz,
        handed_over_by uuid REFERENCES users(id),
        PRIMARY KEY (order_id, merchant_id)
      )`);
    await q.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        merchant_id uuid NOT NULL,
        carrier text NOT NULL CHECK (length(carrier) BETWEEN 1 AND 50),
        tracking_number text NOT NULL CHECK (length(tracking_number) BETWEEN 1 AND 64),
        shipped_at timestamptz NOT NULL,
        shipped_by uuid NOT NULL REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX shipments_order ON shipments (order_id)`);
    await q.query(`
      CREATE TABLE shipment_lines (
        order_line_id uuid PRIMARY KEY REFERENCES order_lines(id) ON DELETE CASCADE,
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE
      )`);
    // Refund requests' kinds too: a database that ran 1765000001001 before this one may hold them already.
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'ORDER_SHIPPED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED',
                     'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'ORDER_SHIPPED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED')))`);
    await q.query(`
      CREATE TABLE sale_shipping_fees (
        order_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        currency char(3) NOT NULL,
        fee_minor bigint NOT NULL CHECK (fee_minor > 0),
        paid_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, merchant_id)
      )`);
    await q.query(`CREATE INDEX sale_shipping_fees_merchant_paid ON sale_shipping_fees (merchant_id, paid_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sale_shipping_fees`);
    await q.query(`DELETE FROM notifications WHERE kind = 'ORDER_SHIPPED'`);
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED',
                     'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED')))`);
    await q.query(
      `DROP TABLE shipment_lines, shipments, order_merchant_deliveries, order_deliveries, address_book_entries, merchant_delivery_options`,
    );
  }
}
