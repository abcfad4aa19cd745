import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { ApiProcess, postGraphql } from '../api-process';
import { LoadResult, LoadShape, runClosedLoop } from '../load';
import { BENCH_LOGIN } from '../seed';

/** Buyers checking out at once; each is its own account, so per-account limits and locks behave as in real traffic. */
export const CHECKOUT_BUYERS = 50;
/** Added to every variant the scenario sells, so no run (API or baseline, warm-up included) can sell it out. */
const STOCK_TOP_UP = 10_000_000;
const BUYER_PASSWORD_OF = BENCH_LOGIN;

export interface CheckoutStock {
  /** One variant per buyer (the distinct-stock run); the first is also the hot SKU of the contention run. */
  variants: string[];
  buyers: { userId: string; token: string }[];
}

const CHECKOUT = `mutation Checkout($idempotencyKey: String!, $lines: [CheckoutLineInput!]!) {
  checkout(input: { idempotencyKey: $idempotencyKey, lines: $lines }) { order { id status } }
}`;
const CONFIRM = `mutation DevConfirmPayment($orderId: ID!) { devConfirmPayment(orderId: $orderId) { id status } }`;

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * One buyer's purchase through the API: checkout (reservation, order, payment intent), then, with `confirm`, the
 * provider's confirmation. Without it the order stays unpaid and PENDING_PAYMENT is the success.
 */
export async function buyThroughApi(
  url: string,
  token: string,
  variantId: string,
  confirm = true,
): Promise<{ ok: boolean; outcome: string }> {
  const headers = { authorization: `Bearer ${token}` };
  const placed = JSON.parse(
    (
      await postGraphql(
        url,
        JSON.stringify({
          query: CHECKOUT,
          variables: { idempotencyKey: randomUUID(), lines: [{ variantId, quantity: 1 }] },
        }),
        headers,
      )
    ).text,
  ) as GraphqlAnswer<{ checkout: { order: { id: string; status: string } } }>;
  const order = placed.data?.checkout.order;
  if (!order) return { ok: false, outcome: placed.errors?.[0]?.extensions?.code ?? 'NO_ORDER' };
  if (!confirm) return { ok: order.status === 'PENDING_PAYMENT', outcome: order.status };
  const paid = JSON.parse(
    (await postGraphql(url, JSON.stringify({ query: CONFIRM, variables: { orderId: order.id } }), headers)).text,
  ) as GraphqlAnswer<{
    devConfirmPayment: { status: string };
  }>;
  const status = paid.data?.devConfirmPayment.status;
  return { ok: status === 'PAID', outcome: status ?? paid.errors?.[0]?.extensions?.code ?? 'NOT_PAID' };
}

/**
 * Buyers (accounts with the bench owner's password) and variants the API will sell: published merchandise under a
 * license that allows it today, proven by one real purchase each through the API, then topped up with a RESTOCK
 * movement so stock never runs out mid-scenario.
 */
export async function prepareCheckout(pool: Pool, url: string, log: (line: string) => void): Promise<CheckoutStock> {
  await pool.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at)
     SELECT 'bench-buyer-' || i || '@chedun.test', password_hash, 'Bench buyer ' || i, now()
       FROM users, generate_series(1, $2) i WHERE email = $1 AND email_verified_at IS NOT NULL
     ON CONFLICT (email) WHERE email_verified_at IS NOT NULL DO NOTHING`,
    [BUYER_PASSWORD_OF.email, CHECKOUT_BUYERS],
  );
  const buyers: CheckoutStock['buyers'] = [];
  for (let i = 1; i <= CHECKOUT_BUYERS; i += 1) {
    const email = `bench-buyer-${i}@chedun.test`;
    const { text } = await postGraphql(
      url,
      JSON.stringify({
        query: 'mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }',
        variables: { input: { email, password: BUYER_PASSWORD_OF.password } },
      }),
    );
    const session = (JSON.parse(text) as GraphqlAnswer<{ logIn: { accessToken: string; user: { id: string } } }>).data
      ?.logIn;
    if (!session) throw new Error(`buyer log-in failed: ${text.slice(0, 300)}`);
    buyers.push({ userId: session.user.id, token: session.accessToken });
  }

  const { rows } = await pool.query<{ id: string }>(
    `SELECT v.id FROM product_variants v JOIN products p ON p.id = v.product_id
      WHERE p.kind = 'MERCHANDISE' AND p.status = 'PUBLISHED' AND p.purchase_limit IS NULL AND v.stock_on_hand - v.sold - v.reserved > 0
      ORDER BY v.id LIMIT $1`,
    [CHECKOUT_BUYERS * 3],
  );
  const variants: string[] = [];
  for (const { id } of rows) {
    if (variants.length === CHECKOUT_BUYERS) break;
    const bought = await buyThroughApi(url, (buyers[variants.length] as { token: string }).token, id);
    if (bought.ok) variants.push(id);
  }
  if (variants.length < CHECKOUT_BUYERS)
    throw new Error(`only ${variants.length} variants could be bought through the API`);
  await pool.query(
    `WITH topped AS (UPDATE product_variants SET stock_on_hand = stock_on_hand + $2 WHERE id = ANY($1) RETURNING id, stock_on_hand)
     INSERT INTO stock_movements (variant_id, delta, reason, stock_after, actor_user_id) SELECT id, $2, 'RESTOCK', stock_on_hand, $3 FROM topped`,
    [variants, STOCK_TOP_UP, (buyers[0] as { userId: string }).userId],
  );
  log(
    `  checkout: ${CHECKOUT_BUYERS} buyers logged in, ${variants.length} variants proven purchasable and topped up by ${STOCK_TOP_UP} units each`,
  );
  return { variants, buyers };
}

/** Both baselines' reservation: the conditional UPDATE that takes one unit if one is left, and what the line needs. */
async function takeOneUnit(
  client: PoolClient,
  variantId: string,
): Promise<{ product_id: string; price_minor: string; currency: string } | undefined> {
  const taken = await client.query<{ product_id: string; price_minor: string; currency: string }>(
    `UPDATE product_variants SET reserved = reserved + 1 WHERE id = $1 AND stock_on_hand - sold - reserved >= 1 RETURNING product_id, price_minor, currency`,
    [variantId],
  );
  return taken.rows[0];
}

/**
 * The baseline: the least a reservation can be, as one transaction through `pg` — the conditional UPDATE that takes
 * one unit if one is left, the order row and its line (copied from the product and its license). No payment step:
 * the API's side does more (payment intent, webhook path, sale), so the ratio is conservative.
 */
export async function reserveThroughSql(pool: Pool, buyerUserId: string, variantId: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const item = await takeOneUnit(client, variantId);
    if (!item) {
      await client.query('ROLLBACK');
      return false;
    }
    const key = randomUUID();
    const order = await client.query<{ id: string }>(
      `INSERT INTO orders (buyer_user_id, status, idempotency_key, request_hash, total_minor, currency, expires_at)
       VALUES ($1, 'PENDING_PAYMENT', $2, $2, $3, $4, now() + interval '15 minutes') RETURNING id`,
      [buyerUserId, key, item.price_minor, item.currency],
    );
    await client.query(
      `INSERT INTO order_lines (order_id, position, kind, product_id, product_name, merchant_id, studio_id, license_id, film_ip_id, royalty_bps,
                                variant_id, quantity, unit_price_minor, net_minor, currency)
       SELECT $1, 0, 'MERCHANDISE', p.id, p.name, p.merchant_id, p.studio_id, p.license_id, p.film_ip_id, l.royalty_bps, $2, 1, $3, $3, $4
         FROM products p JOIN licenses l ON l.id = p.license_id WHERE p.id = $5`,
      [(order.rows[0] as { id: string }).id, variantId, item.price_minor, item.currency, item.product_id],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The whole purchase as raw SQL, like for like with checkout + confirmation: what the API's two requests persist, in
 * two transactions (the buyer's checkout, then the provider's confirmation), with the fewest statements a hand-written
 * version needs. Checkout: the reservation, the order and its line, the pickup delivery rows and the payment record.
 * Confirmation: the provider's event, the payment succeeded, the order paid, the unit moved from reserved to sold, a
 * SALE journal entry with its four balanced postings (clearing, studio royalty, platform fee, merchant) and its
 * `sale_line_splits` row, and the confirmation email queued. Merchandise issues no tickets (the API's path reads
 * none either for these lines); the ledger's deferred balance and account triggers run on both sides alike.
 */
export async function purchaseThroughSql(
  pool: Pool,
  buyerUserId: string,
  variantId: string,
  platformFeeBps: number,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const item = await takeOneUnit(client, variantId);
    if (!item) {
      await client.query('ROLLBACK');
      return false;
    }
    const key = randomUUID();
    const placed = await client.query<{ order_id: string; line_id: string; merchant_id: string }>(
      `WITH o AS (
         INSERT INTO orders (buyer_user_id, status, idempotency_key, request_hash, total_minor, currency, expires_at)
         VALUES ($1, 'PENDING_PAYMENT', $2, $2, $3, $4, now() + interval '15 minutes') RETURNING id),
       l AS (
         INSERT INTO order_lines (order_id, position, kind, product_id, product_name, merchant_id, studio_id, license_id, film_ip_id,
                                  royalty_bps, variant_id, quantity, unit_price_minor, net_minor, currency)
         SELECT o.id, 0, 'MERCHANDISE', p.id, p.name, p.merchant_id, p.studio_id, p.license_id, p.film_ip_id, l.royalty_bps, $5, 1, $3, $3, $4
           FROM o, products p JOIN licenses l ON l.id = p.license_id WHERE p.id = $6
         RETURNING id, order_id, merchant_id),
       d AS (INSERT INTO order_deliveries (order_id, method) SELECT id, 'PICKUP' FROM o)
       SELECT l.order_id, l.id AS line_id, l.merchant_id FROM l`,
      [buyerUserId, key, item.price_minor, item.currency, variantId, item.product_id],
    );
    const {
      order_id: orderId,
      line_id: lineId,
      merchant_id: merchantId,
    } = placed.rows[0] as {
      order_id: string;
      line_id: string;
      merchant_id: string;
    };
    const providerPaymentId = `bench_${key}`;
    await client.query(
      `WITH m AS (INSERT INTO order_merchant_deliveries (order_id, merchant_id, fee_minor, currency, pickup_code)
                  VALUES ($1, $2, 0, $4, upper(substr(md5($3), 1, 16))))
       INSERT INTO payments (order_id, provider, provider_payment_id, amount_minor, currency, status)
       VALUES ($1, 'development', $3, $5, $4, 'REQUIRES_PAYMENT')`,
      [orderId, merchantId, providerPaymentId, item.currency, item.price_minor],
    );
    await client.query('COMMIT');

    await client.query('BEGIN');
    await client.query(
      `WITH ev AS (
         INSERT INTO payment_events (provider, provider_event_id, type, outcome, occurred_at)
         VALUES ('development', $1 || '_succeeded', 'payment.succeeded', 'APPLIED', now()) RETURNING id),
       pay AS (UPDATE payments SET status = 'SUCCEEDED', updated_at = now() WHERE provider_payment_id = $1 RETURNING id)
       UPDATE payment_events SET payment_id = (SELECT id FROM pay) WHERE id = (SELECT id FROM ev)`,
      [providerPaymentId],
    );
    await client.query(`UPDATE orders SET status = 'PAID', paid_at = now(), updated_at = now() WHERE id = $1`, [
      orderId,
    ]);
    await client.query(
      `WITH line AS (
         SELECT ol.id, ol.order_id, ol.studio_id, st.name AS studio_name, ol.merchant_id, m.name AS merchant_name, ol.license_id,
                ol.film_ip_id, ol.product_id, ol.product_name, ol.currency, ol.net_minor AS gross, ol.royalty_bps,
                ol.net_minor * ol.royalty_bps / 10000 AS royalty, ol.net_minor * $2::int / 10000 AS fee
           FROM order_lines ol JOIN organizations st ON st.id = ol.studio_id JOIN organizations m ON m.id = ol.merchant_id
          WHERE ol.id = $1),
       entry AS (
         INSERT INTO journal_entries (kind, source_id, occurred_at, memo)
         SELECT 'SALE', id::text, now(), 'Order ' || order_id || ' line ' || id FROM line RETURNING id),
       split AS (
         INSERT INTO sale_line_splits (order_line_id, order_id, entry_id, studio_id, studio_name, merchant_id, merchant_name, license_id,
                                       film_ip_id, product_id, product_name, currency, gross_minor, royalty_bps, fee_bps, royalty_minor,
                                       fee_minor, merchant_minor, refunded_minor, royalty_reversed_minor, fee_reversed_minor,
                                       merchant_reversed_minor, paid_at)
         SELECT line.id, line.order_id, entry.id, studio_id, studio_name, merchant_id, merchant_name, license_id, film_ip_id,
                product_id, product_name, currency, gross, royalty_bps, $2, royalty, fee, gross - royalty - fee, 0, 0, 0, 0, now()
           FROM line, entry)
       INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency)
       SELECT entry.id, a.id, w.amount, line.currency
         FROM line, entry,
              LATERAL (VALUES ('PAYMENT_CLEARING', NULL::uuid, line.gross), ('STUDIO_ROYALTIES_PAYABLE', line.studio_id, -line.royalty),
                              ('PLATFORM_FEE_REVENUE', NULL::uuid, -line.fee),
                              ('MERCHANT_PAYABLE', line.merchant_id, -(line.gross - line.royalty - line.fee))) w(purpose, party_id, amount),
              ledger_accounts a
        WHERE a.purpose = w.purpose AND a.party_id IS NOT DISTINCT FROM w.party_id AND a.currency = line.currency AND w.amount <> 0
        ORDER BY a.id`,
      [lineId, platformFeeBps],
    );
    // The postings in account order, as JournalService inserts them: each account's balance moves at commit (a deferred
    // trigger, in insertion order), so two purchases committing together must lock the shared accounts (clearing, fee
    // revenue) in one order. In the join's order, which the plan decides, they deadlocked (3 runs in 4, #18).
    // Stock last, as the API takes its row locks last.
    await client.query(
      `UPDATE product_variants SET reserved = reserved - 1, sold = sold + 1 WHERE id = $1 AND reserved >= 1`,
      [variantId],
    );
    // The payload the API queues (its lines, total and pickup code), built from the rows just written: the API
    // process's mail sweep renders every queued confirmation, and one it cannot render is retried with a warning.
    await client.query(
      `INSERT INTO notifications (kind, recipient_user_id, order_id, payload)
       SELECT 'ORDER_CONFIRMATION', $1, ol.order_id, jsonb_build_object(
                'orderId', ol.order_id::text, 'total', jsonb_build_object('amountMinor', ol.net_minor, 'currency', ol.currency),
                'lines', jsonb_build_array(jsonb_build_object(
                  'productName', ol.product_name, 'productNameZh', ol.product_name_zh, 'quantity', ol.quantity, 'netMinor', ol.net_minor,
                  'slotStartsAt', NULL, 'slotEndsAt', NULL, 'ticketTypeName', NULL, 'ticketTypeNameZh', NULL, 'venue', NULL)),
                'tickets', '[]'::jsonb, 'pickupCodes', jsonb_build_array(d.pickup_code))
         FROM order_lines ol JOIN order_merchant_deliveries d ON d.order_id = ol.order_id AND d.merchant_id = ol.merchant_id
        WHERE ol.id = $2`,
      [buyerUserId, lineId],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface CheckoutRun {
  api: LoadResult;
  baseline: LoadResult;
  /** Outcomes of the API's purchases in the measured run and its warm-up (PAID, OUT_OF_STOCK, RATE_LIMITED, ...). */
  outcomes: Record<string, number>;
}

/**
 * 50 buyers in a closed loop, each on its own variant (`distinct`) or all on the first (`hot`), through the API
 * (checkout + confirmation, or with `confirm` false the checkout request alone) and then through the raw reservation
 * over a pool of the API's size. Each side's result carries the CPU a unit cost the API process, PostgreSQL and the
 * bench's own process (`cpuSplit`): throughput here is bound by the machine's two cores.
 */
export async function runCheckout(
  api: ApiProcess,
  pool: Pool,
  databaseCpuSeconds: () => number | null,
  stock: CheckoutStock,
  shape: LoadShape,
  contention: 'distinct' | 'hot',
  confirm = true,
  baseline: 'reservation' | 'purchase' = 'reservation',
  platformFeeBps = 0,
): Promise<CheckoutRun> {
  const loop = { ...shape, workers: stock.buyers.length };
  const variantOf = (worker: number): string =>
    (contention === 'hot' ? stock.variants[0] : stock.variants[worker]) as string;
  const outcomes: Record<string, number> = {};
  const clocks = { api: () => api.cpuSeconds(), database: databaseCpuSeconds };
  const apiRun = await runClosedLoop(
    loop,
    async (worker) => {
      const bought = await buyThroughApi(
        api.url,
        (stock.buyers[worker] as { token: string }).token,
        variantOf(worker),
        confirm,
      );
      outcomes[bought.outcome] = (outcomes[bought.outcome] ?? 0) + 1;
      return bought.ok;
    },
    clocks,
  );
  if (apiRun.cpuSplit?.api != null) apiRun.cpuMsPerRequest = apiRun.cpuSplit.api;
  const baselineRun = await runClosedLoop(
    loop,
    (worker) => {
      const buyer = (stock.buyers[worker] as { userId: string }).userId;
      return baseline === 'purchase'
        ? purchaseThroughSql(pool, buyer, variantOf(worker), platformFeeBps)
        : reserveThroughSql(pool, buyer, variantOf(worker));
    },
    clocks,
  );
  return { api: apiRun, baseline: baselineRun, outcomes };
}
