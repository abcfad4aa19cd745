import { Client } from 'pg';
import { BASELINE_PASSWORD, BASELINE_USER } from './postgres';

export interface SeedSizes {
  studios: number;
  filmIps: number;
  merchants: number;
  licensesPerMerchant: number;
  products: number;
  experiences: number;
  slotsPerExperience: number;
  /** Paid order lines over the last 12 months (one line per order), 2% of them refunded in full. */
  orderLines: number;
}

export interface SeedSummary {
  sizes: SeedSizes;
  rows: Record<string, number>;
  seconds: number;
}

/** The issue's marketplace; BENCH_SCALE shrinks products and slots, never the parties (200 IPs, 500 merchants). */
export function seedSizes(scale: number): SeedSizes {
  const products = Math.max(200, Math.round(100_000 * scale));
  return {
    studios: 20,
    filmIps: 200,
    merchants: 500,
    licensesPerMerchant: 4,
    products,
    experiences: Math.max(10, Math.round(products / 100)),
    slotsPerExperience: 20,
    orderLines: Math.max(2_000, Math.round(1_000_000 * scale)),
  };
}

const sqlList = (words: readonly string[]): string =>
  `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

/** Words the seed composes names from; the search scenario queries some of them (see scenarios/search.ts). */
export const WORDS = {
  ipZh1: [
    '宝莲',
    '星汐',
    '吴越',
    '新社',
    '长安',
    '江南',
    '夜航',
    '红楼',
    '风云',
    '青蛇',
    '白蛇',
    '大圣',
    '哪吒',
    '花木',
    '天书',
    '山海',
    '云梦',
    '赤壁',
    '西厢',
    '牡丹',
  ],
  ipZh2: ['传奇', '归来', '外传', '前传', '之夜', '往事', '风华', '新编', '秘录', '奇缘'],
  ipEn1: [
    'Lotus',
    'Starlight',
    'Wuyue',
    'Xinshe',
    'Changan',
    'Jiangnan',
    'Night Voyage',
    'Red Chamber',
    'Wind Cloud',
    'Green Snake',
    'White Snake',
    'Monkey King',
    'Nezha',
    'Mulan',
    'Heaven Book',
    'Mountain Sea',
    'Cloud Dream',
    'Red Cliff',
    'West Chamber',
    'Peony',
  ],
  ipEn2: ['Legend', 'Returns', 'Chronicles', 'Origins', 'Night', 'Memories', 'Glory', 'Retold', 'Secrets', 'Romance'],
  itemEn: [
    'T-shirt',
    'Badge',
    'Postcard',
    'Mug',
    'Tote Bag',
    'Keychain',
    'Poster',
    'Notebook',
    'Figurine',
    'Mooncake',
    'Tea Set',
    'Lantern',
  ],
  itemZh: ['T恤', '徽章', '明信片', '马克杯', '帆布袋', '钥匙扣', '海报', '笔记本', '手办', '月饼', '茶具', '灯笼'],
  itemCategory: [
    'APPAREL',
    'COLLECTIBLE',
    'STATIONERY',
    'HOME',
    'APPAREL',
    'COLLECTIBLE',
    'STATIONERY',
    'STATIONERY',
    'COLLECTIBLE',
    'FOOD',
    'HOME',
    'CRAFT',
  ],
  experienceEn: ['Set Tour', 'Costume Workshop', 'Night Screening', 'Ranch Stay'],
  experienceZh: ['片场游览', '服装工坊', '露天放映', '牧场住宿'],
  experienceCategory: ['TOUR', 'WORKSHOP', 'SCREENING', 'STAY'],
  adjEn: ['Classic', 'Limited', 'Deluxe', 'Mini', 'Vintage', 'Signed', 'Glow', 'Collector'],
  adjZh: ['经典', '限量', '豪华', '迷你', '复古', '签名', '夜光', '典藏'],
  placeEn: ['Xinshe', 'Xiangdi', 'Songjiang', 'Chedun', 'Huating', 'Sheshan', 'Maogang', 'Yexie', 'Jiuting', 'Sijing'],
  placeZh: ['新社', '香堤', '松江', '车墩', '华亭', '佘山', '泖港', '叶榭', '九亭', '泗泾'],
  shopEn: ['Art Center', 'Ranch', 'Film Shop', 'Craft House', 'Tea Room', 'Studio Store', 'Gallery', 'Workshop'],
  shopZh: ['艺术中心', '牧场', '影视商店', '手作坊', '茶室', '片场商店', '画廊', '工作室'],
} as const;

/**
 * Set-based seed (INSERT ... SELECT over generate_series), deterministic for a given BENCH_SEED: every random
 * choice is hashint8extended(row number, seed + salt), and every id is md5(seed, table, row number) shaped as a version-4 uuid.
 * search_documents is filled with the same projection as CatalogListingSource.listings() (published products
 * under an ACTIVE license, lowest price, units or days with seats), in one statement instead of the app's
 * row-by-row reindex.
 */
export const BENCH_LOGIN = { email: 'bench-owner@chedun.test', password: 'bench-owner-password-2026' };

export async function seedMarketplace(
  url: string,
  seed: number,
  sizes: SeedSizes,
  passwordHash: string,
  platformFeeBps: number,
  log: (line: string) => void,
): Promise<SeedSummary> {
  const started = Date.now();
  const client = new Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string): Promise<void> => {
    const t = Date.now();
    await client.query(sql);
    log(`  seed: ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  const s = sizes;
  const licenses = s.merchants * s.licensesPerMerchant;
  const merchEvery = Math.round(s.products / s.experiences);
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SET work_mem = '64MB'`);
    // r(i, salt): uniform in [0, 1), a pure function of the row, the salt and the seed.
    await client.query(`
      CREATE FUNCTION pg_temp.r(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE
      RETURN (hashint8extended(i, ${seed}::bigint * 1000 + salt) & 9007199254740991)::float8 / 9007199254740992.0`);
    await client.query(`
      CREATE FUNCTION pg_temp.uid(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
      RETURN (SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
                FROM (SELECT md5('${seed}:' || tag || ':' || i) AS h) x)`);
    await client.query('BEGIN');
    await step(
      'parties',
      `
      INSERT INTO users (id, email, password_hash, display_name, email_verified_at)
      VALUES (pg_temp.uid('user', 1), '${BENCH_LOGIN.email}', '${passwordHash}', 'Bench owner', now());
      INSERT INTO organizations (id, kind, name, name_zh)
      SELECT pg_temp.uid('studio', i), 'STUDIO',
             (${sqlList(WORDS.placeEn)})[1 + (i - 1) % 10] || ' Pictures ' || i,
             (${sqlList(WORDS.placeZh)})[1 + (i - 1) % 10] || '影业' || i
        FROM generate_series(1, ${s.studios}) i;
      INSERT INTO organizations (id, kind, name, name_zh)
      SELECT pg_temp.uid('merchant', i), 'MERCHANT',
             (${sqlList(WORDS.placeEn)})[1 + (i - 1) % 10] || ' ' || (${sqlList(WORDS.shopEn)})[1 + ((i - 1) / 10) % 8] || ' ' || i,
             (${sqlList(WORDS.placeZh)})[1 + (i - 1) % 10] || (${sqlList(WORDS.shopZh)})[1 + ((i - 1) / 10) % 8] || i
        FROM generate_series(1, ${s.merchants}) i;
      INSERT INTO memberships (organization_id, user_id, role)
      SELECT id, pg_temp.uid('user', 1), 'OWNER' FROM organizations`,
    );
    // Studio 1 owns the most IP (a skewed share), so "the largest studio" is well defined for the royalty scenarios.
    await step(
      'film IP and license offers',
      `
      INSERT INTO film_ips (id, studio_id, title, title_zh, synopsis, year, created_by)
      SELECT pg_temp.uid('ip', i), pg_temp.uid('studio', 1 + floor(${s.studios} * pg_temp.r(i, 1) ^ 2)::int),
             (${sqlList(WORDS.ipEn1)})[1 + (i - 1) % 20] || ' ' || (${sqlList(WORDS.ipEn2)})[1 + ((i - 1) / 20) % 10],
             (${sqlList(WORDS.ipZh1)})[1 + (i - 1) % 20] || (${sqlList(WORDS.ipZh2)})[1 + ((i - 1) / 20) % 10],
             'A Chedun film.', 1990 + (i % 35), pg_temp.uid('user', 1)
        FROM generate_series(1, ${s.filmIps}) i;
      INSERT INTO license_offers (id, film_ip_id, studio_id, royalty_bps, categories, territory, starts_on, ends_on, created_by)
      SELECT pg_temp.uid('offer', i), ip.id, ip.studio_id, 500 + floor(pg_temp.r(i, 2) * 1000)::int,
             ARRAY['APPAREL','FOOD','CRAFT','COLLECTIBLE','STATIONERY','HOME','TOUR','WORKSHOP','SCREENING','STAY'],
             'CN', DATE '2025-01-01', DATE '2030-12-31', pg_temp.uid('user', 1)
        FROM generate_series(1, ${s.filmIps}) i JOIN film_ips ip ON ip.id = pg_temp.uid('ip', i)`,
    );
    // License l (0-based) belongs to merchant l / perMerchant, on IP ((merchant * 7 + k * 53) mod IPs): distinct IPs per merchant.
    await step(
      'applications, licenses and venues',
      `
      CREATE TEMP TABLE bench_license AS
      SELECT l, pg_temp.uid('license', l) AS license_id, pg_temp.uid('merchant', 1 + l / ${s.licensesPerMerchant}) AS merchant_id,
             1 + l / ${s.licensesPerMerchant} AS merchant_no,
             1 + (((l / ${s.licensesPerMerchant}) * 7 + (l % ${s.licensesPerMerchant}) * 53) % ${s.filmIps}) AS ip_no
        FROM generate_series(0, ${licenses - 1}) l;
      INSERT INTO license_applications (id, offer_id, studio_id, merchant_id, pitch, status, decided_by, decided_at, applied_by)
      SELECT pg_temp.uid('application', b.l), o.id, o.studio_id, b.merchant_id, 'Licensed goods for Chedun visitors.', 'APPROVED',
             pg_temp.uid('user', 1), now() - interval '200 days', pg_temp.uid('user', 1)
        FROM bench_license b JOIN license_offers o ON o.id = pg_temp.uid('offer', b.ip_no);
      INSERT INTO licenses (id, application_id, offer_id, film_ip_id, studio_id, merchant_id, royalty_bps, categories, territory,
                            starts_on, ends_on, status)
      SELECT b.license_id, pg_temp.uid('application', b.l), o.id, o.film_ip_id, o.studio_id, b.merchant_id, o.royalty_bps, o.categories,
             o.territory, o.starts_on, o.ends_on, 'ACTIVE'
        FROM bench_license b JOIN license_offers o ON o.id = pg_temp.uid('offer', b.ip_no);
      INSERT INTO venues (id, merchant_id, name, name_zh, address, latitude, longitude)
      SELECT pg_temp.uid('venue', i), pg_temp.uid('merchant', i), o.name || ' Venue', o.name_zh || '场馆', 'Chedun, Songjiang, Shanghai',
             31.0 + pg_temp.r(i, 3) * 0.1, 121.2 + pg_temp.r(i, 4) * 0.1
        FROM generate_series(1, ${s.merchants}) i JOIN organizations o ON o.id = pg_temp.uid('merchant', i)`,
    );
    // Product i: license (i mod licenses); every merchEvery-th product is an experience at its merchant's venue.
    await step(
      `${s.products} products`,
      `
      INSERT INTO products (id, kind, merchant_id, studio_id, license_id, film_ip_id, venue_id, category, name, name_zh,
                            description, description_zh, status, published_at, created_at, updated_at)
      SELECT pg_temp.uid('product', i), x.kind, b.merchant_id, ip.studio_id, b.license_id, ip.id,
             CASE WHEN x.kind = 'EXPERIENCE' THEN pg_temp.uid('venue', b.merchant_no) END,
             x.category,
             left(x.adj_en || ' ' || ip.title || ' ' || x.noun_en || ' #' || i, 120),
             left(ip.title_zh || x.adj_zh || x.noun_zh, 120),
             'An officially licensed ' || lower(x.noun_en) || ' from ' || ip.title || ', made by ' || m.name || ' in Chedun.',
             '正版授权' || ip.title_zh || x.noun_zh || '，由' || m.name_zh || '出品。',
             'PUBLISHED', x.published_at, x.published_at - interval '1 day', x.published_at
        FROM generate_series(1, ${s.products}) i
        JOIN bench_license b ON b.l = i % ${licenses}
        JOIN film_ips ip ON ip.id = pg_temp.uid('ip', b.ip_no)
        JOIN organizations m ON m.id = b.merchant_id
        CROSS JOIN LATERAL (
          SELECT CASE WHEN i % ${merchEvery} = 0 THEN 'EXPERIENCE' ELSE 'MERCHANDISE' END AS kind,
                 date_trunc('milliseconds', now() - pg_temp.r(i, 5) * interval '365 days') AS published_at,
                 (${sqlList(WORDS.adjEn)})[1 + floor(pg_temp.r(i, 6) * 8)::int] AS adj_en,
                 (${sqlList(WORDS.adjZh)})[1 + floor(pg_temp.r(i, 6) * 8)::int] AS adj_zh,
                 k AS item,
                 CASE WHEN i % ${merchEvery} = 0 THEN (${sqlList(WORDS.experienceEn)})[1 + k % 4] ELSE (${sqlList(WORDS.itemEn)})[1 + k] END AS noun_en,
                 CASE WHEN i % ${merchEvery} = 0 THEN (${sqlList(WORDS.experienceZh)})[1 + k % 4] ELSE (${sqlList(WORDS.itemZh)})[1 + k] END AS noun_zh,
                 CASE WHEN i % ${merchEvery} = 0 THEN (${sqlList(WORDS.experienceCategory)})[1 + k % 4] ELSE (${sqlList(WORDS.itemCategory)})[1 + k] END AS category
            FROM (SELECT floor(pg_temp.r(i, 7) * 12)::int AS k) pick) x`,
    );
    await step(
      'variants, stock movements and ticket types',
      `
      INSERT INTO product_variants (id, product_id, merchant_id, sku, price_minor, currency, stock_on_hand, sold, position)
      SELECT pg_temp.uid('variant', i * 4 + v), pg_temp.uid('product', i), p.merchant_id, 'B' || i || '-' || v,
             (99 + floor(pg_temp.r(i * 4 + v, 8) * 4900)::bigint) * 10, 'CNY', st.stock, floor(st.stock * pg_temp.r(i * 4 + v, 10) * 0.3)::int, v
        FROM generate_series(1, ${s.products}) i
        JOIN products p ON p.id = pg_temp.uid('product', i) AND p.kind = 'MERCHANDISE'
        CROSS JOIN generate_series(0, 2) v
        CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r(i * 4 + v, 9) < 0.05 THEN 0
                                        ELSE 1 + floor(pg_temp.r(i * 4 + v, 11) * 200)::int END AS stock) st
       WHERE v <= floor(pg_temp.r(i, 12) * 3);
      INSERT INTO stock_movements (variant_id, delta, reason, stock_after, actor_user_id, created_at)
      SELECT id, stock_on_hand, 'INITIAL', stock_on_hand, pg_temp.uid('user', 1), created_at FROM product_variants WHERE stock_on_hand > 0;
      INSERT INTO ticket_types (id, product_id, name, name_zh, price_minor, currency, position)
      SELECT pg_temp.uid('ticket', i * 2 + t), p.id, (ARRAY['Adult', 'Child'])[1 + t], (ARRAY['成人', '儿童'])[1 + t],
             (50 + floor(pg_temp.r(i, 13) * 45)::bigint) * 1000 / (1 + t), 'CNY', t
        FROM generate_series(1, ${s.products}) i
        JOIN products p ON p.id = pg_temp.uid('product', i) AND p.kind = 'EXPERIENCE'
        CROSS JOIN generate_series(0, 1) t`,
    );
    // Slots every third day from tomorrow (Asia/Shanghai), so about half of them fall in the detail page's next 30 days.
    await step(
      `${s.experiences * s.slotsPerExperience} time slots`,
      `
      INSERT INTO time_slots (id, product_id, starts_at, ends_at, capacity, sold)
      SELECT pg_temp.uid('slot', i * 32 + k), p.id, t.starts_at, t.starts_at + interval '2 hours', c.capacity,
             CASE WHEN pg_temp.r(i * 32 + k, 15) < 0.1 THEN c.capacity ELSE floor(c.capacity * pg_temp.r(i * 32 + k, 16))::int END
        FROM generate_series(1, ${s.products}) i
        JOIN products p ON p.id = pg_temp.uid('product', i) AND p.kind = 'EXPERIENCE'
        CROSS JOIN generate_series(0, ${s.slotsPerExperience - 1}) k
        CROSS JOIN LATERAL (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + (1 + k * 3) * interval '1 day'
                                    + (9 + floor(pg_temp.r(i * 32 + k, 14) * 9)) * interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS starts_at) t
        CROSS JOIN LATERAL (SELECT 10 + floor(pg_temp.r(i * 32 + k, 17) * 40)::int AS capacity) c`,
    );
    await step(
      'search documents (the listing projection, set-based)',
      `
      INSERT INTO search_documents (product_id, kind, category, name, name_zh, description, description_zh, film_ip_id, film_ip_title,
                                    film_ip_title_zh, studio_id, merchant_id, merchant_name, merchant_name_zh, venue_id, price_from_minor,
                                    currency, in_stock, available_dates, published_at)
      SELECT p.id, p.kind, p.category, p.name, p.name_zh, p.description, p.description_zh, p.film_ip_id, ip.title, ip.title_zh,
             p.studio_id, p.merchant_id, m.name, m.name_zh, p.venue_id, coalesce(v.price_from, t.price_from),
             coalesce(trim(coalesce(v.currency, t.currency)), 'CNY'),
             CASE WHEN p.kind = 'MERCHANDISE' THEN coalesce(v.available_units, 0) > 0 ELSE cardinality(coalesce(s.days, '{}')) > 0 END,
             coalesce(s.days, '{}'), p.published_at
        FROM products p
        JOIN licenses l ON l.id = p.license_id AND l.status = 'ACTIVE'
        JOIN film_ips ip ON ip.id = p.film_ip_id
        JOIN organizations m ON m.id = p.merchant_id
        LEFT JOIN (SELECT product_id, min(price_minor) AS price_from, min(currency) AS currency,
                          sum(stock_on_hand - sold - reserved) AS available_units
                     FROM product_variants GROUP BY product_id) v ON p.kind = 'MERCHANDISE' AND v.product_id = p.id
        LEFT JOIN (SELECT product_id, min(price_minor) AS price_from, min(currency) AS currency
                     FROM ticket_types GROUP BY product_id) t ON p.kind = 'EXPERIENCE' AND t.product_id = p.id
        LEFT JOIN (SELECT product_id, array_agg(DISTINCT (starts_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY (starts_at AT TIME ZONE 'Asia/Shanghai')::date) AS days
                     FROM time_slots WHERE status = 'OPEN' AND starts_at > now() AND capacity - sold - reserved > 0
                    GROUP BY product_id) s ON p.kind = 'EXPERIENCE' AND s.product_id = p.id
       WHERE p.status = 'PUBLISHED'`,
    );
    // The ledger's read side of sales: one SALE journal entry per order and its split row (royalty and platform fee
    // by the line's license, floor rounding, merchant takes the rest), as the sales posting writes them; refunds are
    // whole-line, with the reversal equal to each share. Postings (the account side) are not seeded: no report reads them.
    await step(
      `${s.orderLines} paid order lines and their refunds`,
      `
      CREATE TEMP TABLE bench_line AS
      SELECT j, pg_temp.uid('line', j) AS order_line_id, pg_temp.uid('order', j) AS order_id, pg_temp.uid('sale', j) AS entry_id,
             1 + floor(pg_temp.r(j, 20) * ${s.products})::int AS product_no,
             date_trunc('milliseconds', now() - pg_temp.r(j, 21) * interval '365 days') AS paid_at,
             (10 + floor(pg_temp.r(j, 22) * 490)::bigint) * 100 AS gross,
             pg_temp.r(j, 23) < 0.02 AS refunded
        FROM generate_series(1, ${s.orderLines}) j;
      INSERT INTO journal_entries (id, kind, source_id, occurred_at, memo)
      SELECT entry_id, 'SALE', order_id::text, paid_at, 'bench sale' FROM bench_line;
      INSERT INTO sale_line_splits (order_line_id, order_id, entry_id, studio_id, studio_name, merchant_id, merchant_name, license_id,
                                    film_ip_id, product_id, product_name, currency, gross_minor, royalty_bps, fee_bps, royalty_minor,
                                    fee_minor, merchant_minor, refunded_minor, royalty_reversed_minor, fee_reversed_minor,
                                    merchant_reversed_minor, paid_at, created_at)
      SELECT b.order_line_id, b.order_id, b.entry_id, p.studio_id, st.name, p.merchant_id, m.name, p.license_id, p.film_ip_id, p.id, p.name,
             'CNY', b.gross, l.royalty_bps, ${platformFeeBps}, x.royalty, x.fee, b.gross - x.royalty - x.fee,
             CASE WHEN b.refunded THEN b.gross ELSE 0 END, CASE WHEN b.refunded THEN x.royalty ELSE 0 END,
             CASE WHEN b.refunded THEN x.fee ELSE 0 END, CASE WHEN b.refunded THEN b.gross - x.royalty - x.fee ELSE 0 END,
             b.paid_at, b.paid_at
        FROM bench_line b
        JOIN products p ON p.id = pg_temp.uid('product', b.product_no)
        JOIN licenses l ON l.id = p.license_id
        JOIN organizations st ON st.id = p.studio_id
        JOIN organizations m ON m.id = p.merchant_id
        CROSS JOIN LATERAL (SELECT b.gross * l.royalty_bps / 10000 AS royalty, b.gross * ${platformFeeBps} / 10000 AS fee) x;
      INSERT INTO journal_entries (id, kind, source_id, occurred_at, memo)
      SELECT pg_temp.uid('refund-entry', b.j), 'REFUND', pg_temp.uid('refund', b.j)::text,
             least(now(), b.paid_at + pg_temp.r(b.j, 24) * interval '20 days'), 'bench refund'
        FROM bench_line b WHERE b.refunded;
      INSERT INTO sale_line_refunds (refund_id, order_line_id, entry_id, studio_id, merchant_id, currency, amount_minor,
                                     refunded_before_minor, refunded_after_minor, royalty_reversal_minor, fee_reversal_minor,
                                     merchant_reversal_minor, refunded_at)
      SELECT pg_temp.uid('refund', b.j), s.order_line_id, e.id, s.studio_id, s.merchant_id, 'CNY', s.gross_minor, 0, s.gross_minor,
             s.royalty_minor, s.fee_minor, s.merchant_minor, e.occurred_at
        FROM bench_line b
        JOIN sale_line_splits s ON s.order_line_id = b.order_line_id
        JOIN journal_entries e ON e.id = pg_temp.uid('refund-entry', b.j)
       WHERE b.refunded AND s.gross_minor > 0`,
    );
    await client.query('COMMIT');
    await step(
      'baseline role',
      `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${BASELINE_USER}') THEN
          CREATE ROLE ${BASELINE_USER} LOGIN PASSWORD '${BASELINE_PASSWORD}';
        END IF;
      END $$;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${BASELINE_USER};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${BASELINE_USER};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${BASELINE_USER}`,
    );
    await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
    const counts = await client.query<{ table: string; rows: string }>(`
      SELECT 'products' AS table, count(*) AS rows FROM products UNION ALL
      SELECT 'product_variants', count(*) FROM product_variants UNION ALL
      SELECT 'time_slots', count(*) FROM time_slots UNION ALL
      SELECT 'licenses', count(*) FROM licenses UNION ALL
      SELECT 'sale_line_splits', count(*) FROM sale_line_splits UNION ALL
      SELECT 'sale_line_refunds', count(*) FROM sale_line_refunds UNION ALL
      SELECT 'search_documents', count(*) FROM search_documents`);
    return {
      sizes,
      rows: Object.fromEntries(counts.rows.map((r) => [r.table, Number(r.rows)])),
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
