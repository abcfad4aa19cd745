import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who moved a product through design approval and the shop, and when: readable by its merchant and studio. */
export class ProductAudit1764200000004 implements MigrationInterface {
  name = 'ProductAudit1764200000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        event text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text CHECK (length(reason) <= 2000),
        actor_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_audit_entries_product ON product_audit_entries (product_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_audit_entries`);
  }
}
