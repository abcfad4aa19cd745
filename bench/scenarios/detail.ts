import { Pool } from 'pg';

const MONEY = 'price { amountMinor currency }';

/** A product page: the product, its IP, merchant, studio and venue, variants with stock, tickets, next 30 days of slots. */
export function detailBody(id: string): string {
  return JSON.stringify({
    query: `query Detail($id: ID!) {
      product(id: $id) {
        id kind name nameZh description descriptionZh category status publishedAt
        priceFrom { amountMinor currency }
        filmIp { id title titleZh }
        merchant { id name nameZh }
        studio { id name nameZh }
        venue { id name nameZh latitude longitude }
        variants { id sku ${MONEY} available }
        ticketTypes { id name nameZh ${MONEY} }
        upcomingTimeSlots { id startsAt endsAt capacity remaining status }
      }
    }`,
    variables: { id },
  });
}

/** Products the scenario cycles through: merchandise and experiences alternately, the same list for both sides. */
export async function detailProductIds(pool: Pool, each: number): Promise<string[]> {
  const pick = async (kind: string): Promise<string[]> =>
    (
      await pool.query<{ id: string }>(
        `SELECT id FROM products WHERE kind = $1 AND status = 'PUBLISHED' ORDER BY id LIMIT $2`,
        [kind, each],
      )
    ).rows.map((r) => r.id);
  const merchandise = await pick('MERCHANDISE');
  const experiences = await pick('EXPERIENCE');
  const ids: string[] = [];
  for (let i = 0; i < Math.max(merchandise.length, experiences.length); i += 1) {
    if (merchandise[i]) ids.push(merchandise[i] as string);
    if (experiences[i]) ids.push(experiences[i] as string);
  }
  return ids;
}

/** Compared between the API and the baseline: children in order with their live numbers, and the lowest price. */
export interface DetailAnswer {
  id: string;
  priceFrom: number | null;
  variants: string[];
  tickets: string[];
  slots: string[];
  venue: string | null;
  filmIp: string;
  merchant: string;
}

interface DetailResponse {
  data?: {
    product: {
      id: string;
      priceFrom: { amountMinor: number } | null;
      filmIp: { title: string };
      merchant: { name: string };
      venue: { id: string } | null;
      variants: { id: string; available: number }[];
      ticketTypes: { id: string; price: { amountMinor: number } }[];
      upcomingTimeSlots: { id: string; remaining: number }[];
    };
  };
  errors?: unknown[];
}

export function detailAnswerFromApi(text: string): DetailAnswer | null {
  const body = JSON.parse(text) as DetailResponse;
  if (body.errors || !body.data) return null;
  const p = body.data.product;
  return {
    id: p.id,
    priceFrom: p.priceFrom?.amountMinor ?? null,
    variants: p.variants.map((v) => `${v.id}:${v.available}`),
    tickets: p.ticketTypes.map((t) => `${t.id}:${t.price.amountMinor}`),
    slots: p.upcomingTimeSlots.map((s) => `${s.id}:${s.remaining}`),
    venue: p.venue?.id ?? null,
    filmIp: p.filmIp.title,
    merchant: p.merchant.name,
  };
}

/** The baseline: one statement building the same page as JSON (a published product only, as the public API). */
export const DETAIL_BASELINE_SQL = `
  SELECT json_build_object(
    'id', p.id, 'kind', p.kind, 'name', p.name, 'nameZh', p.name_zh, 'description', p.description,
    'descriptionZh', p.description_zh, 'category', p.category, 'status', p.status, 'publishedAt', p.published_at,
    'filmIp', (SELECT json_build_object('id', f.id, 'title', f.title, 'titleZh', f.title_zh) FROM film_ips f WHERE f.id = p.film_ip_id),
    'merchant', (SELECT json_build_object('id', o.id, 'name', o.name, 'nameZh', o.name_zh) FROM organizations o WHERE o.id = p.merchant_id),
    'studio', (SELECT json_build_object('id', o.id, 'name', o.name, 'nameZh', o.name_zh) FROM organizations o WHERE o.id = p.studio_id),
    'venue', (SELECT json_build_object('id', v.id, 'name', v.name, 'nameZh', v.name_zh, 'latitude', v.latitude, 'longitude', v.longitude)
                FROM venues v WHERE v.id = p.venue_id),
    'variants', (SELECT coalesce(json_agg(json_build_object('id', v.id, 'sku', v.sku, 'priceMinor', v.price_minor, 'currency', v.currency,
                                                            'available', v.stock_on_hand - v.sold - v.reserved) ORDER BY v.position), '[]')
                   FROM product_variants v WHERE v.product_id = p.id),
    'ticketTypes', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'nameZh', t.name_zh, 'priceMinor', t.price_minor,
                                                               'currency', t.currency) ORDER BY t.position), '[]')
                      FROM ticket_types t WHERE t.product_id = p.id),
    'slots', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'capacity', s.capacity,
                                                         'remaining', s.capacity - s.sold - s.reserved, 'status', s.status) ORDER BY s.starts_at), '[]')
                FROM time_slots s WHERE s.product_id = p.id AND s.starts_at >= now() AND s.starts_at < now() + interval '30 days'),
    'priceFrom', CASE WHEN p.kind = 'MERCHANDISE' THEN (SELECT min(price_minor) FROM product_variants WHERE product_id = p.id)
                      ELSE (SELECT min(price_minor) FROM ticket_types WHERE product_id = p.id) END
  ) AS page
    FROM products p
   WHERE p.id = $1 AND p.status = 'PUBLISHED'`;

interface BaselinePage {
  id: string;
  priceFrom: string | number | null;
  filmIp: { title: string };
  merchant: { name: string };
  venue: { id: string } | null;
  variants: { id: string; available: number }[];
  ticketTypes: { id: string; priceMinor: number }[];
  slots: { id: string; remaining: number }[];
}

export async function detailBaseline(pool: Pool, id: string): Promise<DetailAnswer | null> {
  const { rows } = await pool.query<{ page: BaselinePage }>(DETAIL_BASELINE_SQL, [id]);
  const p = rows[0]?.page;
  if (!p) return null;
  return {
    id: p.id,
    priceFrom: p.priceFrom === null ? null : Number(p.priceFrom),
    variants: p.variants.map((v) => `${v.id}:${v.available}`),
    tickets: p.ticketTypes.map((t) => `${t.id}:${t.priceMinor}`),
    slots: p.slots.map((s) => `${s.id}:${s.remaining}`),
    venue: p.venue?.id ?? null,
    filmIp: p.filmIp.title,
    merchant: p.merchant.name,
  };
}
