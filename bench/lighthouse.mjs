// Lighthouse (mobile preset) against a running app: home, search and one product page, the median of three runs each.
// Usage: `npm start` in one shell, then `npm run lighthouse [-- http://localhost:3000]`. Chromium: CHROME_PATH or
// /usr/bin/chromium. Nothing leaves this machine: the pages and their assets come from the given origin.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

const origin = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

async function firstProductPath() {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ searchProducts(first: 1, sort: NEWEST) { edges { node { id } } } }' }),
  });
  const id = (await res.json()).data?.searchProducts.edges[0]?.node.id;
  return id ? `/products/${id}` : undefined;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const pages = ['/', '/search', await firstProductPath()].filter(Boolean);
  const rows = [];
  for (const path of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
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
    const row = { page: path.startsWith('/products/') ? '/products/:id' : path };
    for (const key of Object.keys(samples[0])) row[key] = Math.round(median(samples.map((s) => s[key])) * 1000) / 1000;
    rows.push(row);
  }
  console.table(rows);
} finally {
  await chrome.kill();
}
