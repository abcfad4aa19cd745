import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An experience line keeps when its slot ends beside when it starts (both copied at checkout), so a ticket is
 * redeemed only in its window (from a configured time before the start until the end) without orders reading the
 * catalog's time slots. Slots are never moved, so the copy of the lines already sold is the slot's own end.
 */
export class OrderLineSlotEnd1765000000401 implements MigrationInterface {
  name = 'OrderLineSlotEnd1765000000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_lines ADD COLUMN slot_ends_at timestamptz`);
    await q.query(`UPDATE order_lines l SET slot_ends_at = s.ends_at FROM time_slots s WHERE s.id = l.time_slot_id`);
    await q.query(`ALTER TABLE order_lines ADD CONSTRAINT order_lines_slot_period
      CHECK ((kind = 'EXPERIENCE') = (slot_starts_at IS NOT NULL AND slot_ends_at IS NOT NULL) AND (slot_ends_at IS NULL OR slot_ends_at > slot_starts_at))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_lines DROP CONSTRAINT order_lines_slot_period`);
    await q.query(`ALTER TABLE order_lines DROP COLUMN slot_ends_at`);
  }
}
