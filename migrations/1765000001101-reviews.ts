import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews and favourites. A review belongs to one order line (the unique index holds "once per line" even against
 * concurrent attempts) and is written by its buyer after hand-over; the product's average and count are read from
 * these rows in one grouped query per page of products. The merchant's public reply sits on the review row; reports
 * of abusive reviews go to the platform, one per reporter and review. Favourites are a signed-in visitor's saved
 * products. None of them has a status: a report is open until the platform acts on it, outside this change.
 */
export class Reviews1765000001101 implements MigrationInterface {
  name = 'Reviews1765000001101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_line_id uuid NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
        product_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        buyer_user_id uuid NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text text CHECK (char_length(text) <= 2000),
        reply text CHECK (char_length(reply) <= 2000),
        replied_by uuid,
        replied_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT product_reviews_one_per_line UNIQUE (order_line_id),
        CONSTRAINT product_reviews_reply CHECK ((reply IS NULL) = (replied_at IS NULL))
      )`);
    await q.query(`CREATE INDEX product_reviews_product ON product_reviews (product_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE review_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES product_reviews(id) ON DELETE CASCADE,
        reporter_user_id uuid NOT NULL,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_reports_once UNIQUE (review_id, reporter_user_id)
      )`);
    await q.query(`CREATE INDEX review_reports_queue ON review_reports (created_at)`);
    await q.query(`
      CREATE TABLE product_favourites (
        user_id uuid NOT NULL,
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, product_id)
      )`);
    await q.query(`CREATE INDEX product_favourites_newest ON product_favourites (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_favourites`);
    await q.query(`DROP TABLE review_reports`);
    await q.query(`DROP TABLE product_reviews`);
  }
}
