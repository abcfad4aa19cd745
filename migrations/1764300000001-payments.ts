import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1764300000001 implements MigrationInterface {
  name = 'Payments1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        provider text NOT NULL CHECK (provider IN ('stripe', 'development')),
        provider_payment_id text NOT NULL CHECK (length(provider_payment_id) BETWEEN 1 AND 255),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
        status text NOT NULL CHECK (status IN ('REQUIRES_PAYMENT', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payments_provider_payment_id_key UNIQUE (provider_payment_id)
      )`);
    await q.query(`CREATE INDEX payments_order ON payments (order_id)`);
    await q.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL REFERENCES payments(id),
        provider_refund_id text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refunds_provider_refund_id_key UNIQUE (provider_refund_id)
      )`);
    await q.query(`CREATE INDEX refunds_payment ON refunds (payment_id)`);
    await q.query(`
      CREATE TABLE payment_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider text NOT NULL CHECK (provider IN ('stripe', 'development')),
        provider_event_id text NOT NULL CHECK (length(provider_event_id) BETWEEN 1 AND 255),
        type text NOT NULL,
        payment_id uuid REFERENCES payments(id),
        outcome text NOT NULL CHECK (outcome IN ('APPLIED', 'STALE', 'IGNORED')),
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_events_provider_event_key UNIQUE (provider, provider_event_id)
      )`);
    await q.query(`CREATE INDEX payment_events_payment ON payment_events (payment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_events`);
    await q.query(`DROP TABLE refunds`);
    await q.query(`DROP TABLE payments`);
  }
}
