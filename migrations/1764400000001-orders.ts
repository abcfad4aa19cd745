import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders context: carts, orders and their priced lines, tickets, per-line refunds and the notifications outbox.
 * Amounts are bigint minor units with a char(3) currency. An order's idempotency key is unique per buyer and kept
 * for the order's life (well beyond the 24 h promised to clients).
 */
export class Orders1764400000001 implements MigrationInterface {
  name = 'Orders1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cart_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        variant_id uuid REFERENCES product_variants(id) ON DELETE CASCADE,
        time_slot_id uuid REFERENCES time_slots(id) ON DELETE CASCADE,
        ticket_type_id uuid REFERENCES ticket_types(id) ON DELETE CASCADE,
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cart_lines_one_kind CHECK ((variant_id IS NULL) <> (time_slot_id IS NULL AND ticket_type_id IS NULL)
                                             AND ((time_slot_id IS NULL) = (ticket_type_id IS NULL)))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX cart_lines_unique_item ON cart_lines (user_id, coalesce(variant_id, time_slot_id), coalesce(ticket_type_id, variant_id))`,
    );

    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_user_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
        request_hash text NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor > 0),
        currency char(3) NOT NULL,
        expires_at timestamptz NOT NULL,
        paid_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        refund_due boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_buyer_key UNIQUE (buyer_user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX orders_buyer_created ON orders (buyer_user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_pending_expiry ON orders (expires_at) WHERE status = 'PENDING_PAYMENT'`);

    await q.query(`
      CREATE TABLE order_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MERCHANDISE', 'EXPERIENCE')),
        product_id uuid NOT NULL,
        product_name text NOT NULL,
        merchant_id uuid NOT NULL,
        studio_id uuid NOT NULL,
        license_id uuid NOT NULL,
        film_ip_id uuid NOT NULL,
        royalty_bps integer NOT NULL CHECK (royalty_bps BETWEEN 0 AND 10000),
        variant_id uuid,
        time_slot_id uuid,
        ticket_type_id uuid,
        ticket_type_name text,
        venue_id uuid,
        slot_starts_at timestamptz,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor > 0),
        net_minor bigint NOT NULL CHECK (net_minor > 0),
        currency char(3) NOT NULL,
        refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= net_minor),
        fulfilled_at timestamptz,
        fulfilment text CHECK (fulfilment IN ('SHIPPED', 'PICKED_UP', 'REDEEMED')),
        CONSTRAINT order_lines_position UNIQUE (order_id, position),
        CONSTRAINT order_lines_kind_refs CHECK ((kind = 'MERCHANDISE') = (variant_id IS NOT NULL)
                                               AND (kind = 'EXPERIENCE') = (time_slot_id IS NOT NULL AND ticket_type_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX order_lines_merchant ON order_lines (merchant_id, order_id)`);
    await q.query(
      `CREATE INDEX order_lines_venue_day ON order_lines (venue_id, slot_starts_at) WHERE venue_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_line_id uuid NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
        seat integer NOT NULL CHECK (seat > 0),
        merchant_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        time_slot_id uuid NOT NULL,
        code text NOT NULL UNIQUE,
        qr_payload text NOT NULL,
        redeemed_at timestamptz,
        redeemed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tickets_one_per_seat UNIQUE (order_line_id, seat)
      )`);

    await q.query(`
      CREATE TABLE order_refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_line_id uuid NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        refunded_before_minor bigint,
        refunded_after_minor bigint,
        requested_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz
      )`);
    await q.query(`CREATE INDEX order_refunds_order ON order_refunds (order_id, created_at)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ORDER_CONFIRMATION')),
        recipient_user_id uuid NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notifications_once_per_order UNIQUE (kind, order_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'order_refunds', 'tickets', 'order_lines', 'orders', 'cart_lines']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
