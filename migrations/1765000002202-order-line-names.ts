import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Localised order data (#15): an order line keeps both names of what was bought, as they were at purchase, so the
 * Chinese interface shows the Chinese name and the English one the English name long after the catalog changes.
 * `product_name` (and `ticket_type_name`) keep the English name they always held; the Chinese names sit beside them,
 * null when the catalog had none (the interfaces then fall back to the English name). Existing lines take the
 * catalog's current Chinese names, the best record there is of what the buyer saw. The ledger's copies (the sale
 * row and the statement lines it is stated in) carry the Chinese product name too; statement lines are frozen, and
 * this one backfill of a name they lacked is the exception (no amount changes).
 */
export class OrderLineNames1765000002202 implements MigrationInterface {
  name = 'OrderLineNames1765000002202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_lines ADD COLUMN product_name_zh text, ADD COLUMN ticket_type_name_zh text`);
    await q.query(`UPDATE order_lines l SET product_name_zh = p.name_zh FROM products p WHERE p.id = l.product_id`);
    await q.query(
      `UPDATE order_lines l SET ticket_type_name_zh = tt.name_zh FROM ticket_types tt WHERE tt.id = l.ticket_type_id`,
    );

    await q.query(`ALTER TABLE sale_line_splits ADD COLUMN product_name_zh text`);
    await q.query(`ALTER TABLE royalty_statement_lines ADD COLUMN product_name_zh text`);
    await q.query(
      `UPDATE sale_line_splits s SET product_name_zh = l.product_name_zh FROM order_lines l WHERE l.id = s.order_line_id`,
    );
    await q.query(`ALTER TABLE royalty_statement_lines DISABLE TRIGGER royalty_statement_lines_frozen`);
    await q.query(`UPDATE royalty_statement_lines rl SET product_name_zh = s.product_name_zh
                     FROM sale_line_splits s WHERE s.order_line_id = rl.order_line_id`);
    await q.query(`ALTER TABLE royalty_statement_lines ENABLE TRIGGER royalty_statement_lines_frozen`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE royalty_statement_lines DROP COLUMN product_name_zh`);
    await q.query(`ALTER TABLE sale_line_splits DROP COLUMN product_name_zh`);
    await q.query(`ALTER TABLE order_lines DROP COLUMN ticket_type_name_zh, DROP COLUMN product_name_zh`);
  }
}
