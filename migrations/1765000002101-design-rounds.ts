import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Design rounds with artwork (#17): a product's design goes to the studio in numbered rounds, each with the
 * merchant's artwork and note and the studio's answer (approved, rejected, or changes requested with comments), all
 * kept. Products gain CHANGES_REQUESTED. Designs already submitted get their round 1 from what the product says
 * (without artwork, which was not kept before), so "the latest round" exists for every product past DRAFT.
 */
export class DesignRounds1765000002101 implements MigrationInterface {
  name = 'DesignRounds1765000002101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE products DROP CONSTRAINT products_status_check`);
    await q.query(`ALTER TABLE products ADD CONSTRAINT products_status_check
      CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'SUSPENDED'))`);
    await q.query(`
      CREATE TABLE product_design_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        round int NOT NULL CHECK (round > 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED')),
        artwork_media_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(artwork_media_ids) <= 20),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        comments text CHECK (length(comments) BETWEEN 1 AND 2000),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        CONSTRAINT product_design_rounds_once UNIQUE (product_id, round),
        CONSTRAINT product_design_rounds_decided CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    await q.query(`
      INSERT INTO product_design_rounds (product_id, round, status, comments, submitted_at, decided_at)
      SELECT id, 1,
             CASE status WHEN 'PENDING_APPROVAL' THEN 'PENDING' WHEN 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END,
             CASE WHEN status = 'REJECTED' THEN left(status_reason, 2000) END,
             created_at,
             CASE WHEN status = 'PENDING_APPROVAL' THEN NULL ELSE updated_at END
        FROM products WHERE status <> 'DRAFT'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_design_rounds`);
    await q.query(`UPDATE products SET status = 'REJECTED' WHERE status = 'CHANGES_REQUESTED'`);
    await q.query(`ALTER TABLE products DROP CONSTRAINT products_status_check`);
    await q.query(`ALTER TABLE products ADD CONSTRAINT products_status_check
      CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'PUBLISHED', 'SUSPENDED'))`);
  }
}
