import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merchandise with options (#16): each variant names the choice it is, e.g. 尺码 M × 颜色 黑 (Size M × Colour Black),
 * so shoppers choose by option names instead of SKU codes. Kept on the variant as an ordered list of
 * { name, nameZh, value, valueZh }; existing variants have none (a product with one variant needs no choice).
 * The service keeps every variant of a product on the same option names and each combination once.
 */
export class VariantOptions1765000002301 implements MigrationInterface {
  name = 'VariantOptions1765000002301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE product_variants ADD COLUMN options jsonb NOT NULL DEFAULT '[]'
                   CONSTRAINT product_variants_options_list CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) <= 3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE product_variants DROP COLUMN options`);
  }
}
