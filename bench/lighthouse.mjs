// Lighthouse (mobile preset) against a running app: home, search, one product page and one film page, the median of
// three runs each; every run's report (JSON and HTML) is written under test-results/lighthouse/.
// Usage: the production build running (`npm run build && npm run start:prod`, see README "Production build"; `npm
// start` also works), then `npm run bench:web [-- http://localhost:3000]` (`npm run lighthouse` is the same).
// Chromium: CHROME_PATH or /usr/bin/chromium. Nothing leaves this machine: the pages come from the given origin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import lighthousePackage from 'lighthouse/package.json' with { type: 'json' };

const lighthouseVersion = lighthousePackage.version;

const origin = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const reports = join(import.meta.dirname, '..', 'test-results', 'lighthouse');

/** The newest product's page and its film's page. */
async function productAndFilmPaths() {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ searchProducts(first: 1, sort: NEWEST) { edges { node { id filmIp { id } } } } }',
    }),
  });
  const node = (await res.json()).data?.searchProducts.edges[0]?.node;
  return node ? [`/products/${node.id}`, `/ip/${node.filmIp.id}`] : [];
}

const label = (path) => (path.startsWith('/products/') ? '/products/:id' : path.startsWith('/ip/') ? '/ip/:id' : path);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const pages = ['/', '/search', ...(await productAndFilmPaths())];
  mkdirSync(reports, { recursive: true });
  const rows = [];
  for (const path of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        output: ['json', 'html'],
        logLevel: 'error',
      });
      const name = label(path).replace(/[/:]+/g, '-').replace(/^-|-$/g, '') || 'home';
      const [json, html] = result.report;
      writeFileSync(join(reports, `${name}-${i + 1}.report.json`), json);
      writeFileSync(join(reports, `${name}-${i + 1}.report.html`), html);
      const { categories, audits } = result.lhr;
      samples.push({
        performance: categories.performance.score * 100,
        accessibility: categories.accessibility.score * 100,
        bestPractices: categories['best-practices'].score * 100,
        seo: categories.seo.score * 100,
        cls: audits['cumulative-layout-shift'].numericValue,
        lcpMs: audits['largest-contentful-paint'].numericValue,
        tbtMs: audits['total-blocking-time'].numericValue,
        transferKb: audits['total-byte-weight'].numericValue / 1024,
      });
    }
    const row = { page: label(path) };
    for (const key of Object.keys(samples[0])) row[key] = Math.round(median(samples.map((s) => s[key])) * 1000) / 1000;
    rows.push(row);
  }
  console.table(rows);
  console.log(`Lighthouse ${lighthouseVersion}, mobile preset, median of ${runs}; reports in ${reports}`);
} finally {
  await chrome.kill();
}
