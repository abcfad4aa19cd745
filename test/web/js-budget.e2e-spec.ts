import { randomBytes } from 'node:crypto';
import { WEB_DIR } from '../support/browser';
import {
  Manifest,
  overBudget,
  readBuild,
  routeWeights,
  STOREFRONT_JS_BUDGET_BYTES,
  STOREFRONT_ROUTES,
} from '../support/js-budget';

/**
 * The gzipped JavaScript budget (#20), read from the build's manifest (`npm run build:web` writes it): what a first
 * visit to each storefront route loads before the page answers. Deterministic, unlike Lighthouse's scores.
 */
describe('web: gzipped JavaScript budget per storefront route', () => {
  it('keeps home, search, product and film pages under 100 KB of gzipped JavaScript before they are interactive', () => {
    const { manifest, readAsset } = readBuild(WEB_DIR);
    const weights = routeWeights(manifest, STOREFRONT_ROUTES, readAsset);
    expect(weights.map((w) => w.path)).toEqual(['/', '/search', '/products/:id', '/ip/:id']);
    for (const w of weights) expect(w.gzipBytes).toBeGreaterThan(10_000); // the app itself, not an empty stand-in
    expect(overBudget(weights)).toEqual([]);
  });

  it('fails a route over budget, counting the entry, its static imports and an on-demand page with its own', () => {
    // Files of known size: random bytes do not compress, so their gzipped size is about their size.
    const random = (n: number) => randomBytes(n);
    const files: Record<string, Buffer> = {
      'assets/index.js': random(40_000),
      'assets/vendor.js': random(40_000),
      'assets/film-page.js': random(30_000),
      'assets/film-page.css': random(90_000),
      'assets/console.js': random(500_000),
    };
    const manifest: Manifest = {
      'index.html': {
        file: 'assets/index.js',
        isEntry: true,
        imports: ['_vendor.js'],
        dynamicImports: ['src/pages/film-page.tsx', 'src/pages/merchant-console.tsx'],
      },
      '_vendor.js': { file: 'assets/vendor.js' },
      'src/pages/film-page.tsx': {
        file: 'assets/film-page.js',
        isDynamicEntry: true,
        imports: ['_vendor.js', '_film.css'],
      },
      '_film.css': { file: 'assets/film-page.css' },
      'src/pages/merchant-console.tsx': { file: 'assets/console.js', isDynamicEntry: true },
    };
    const weights = routeWeights(manifest, STOREFRONT_ROUTES, (file) => files[file]!);
    const home = weights.find((w) => w.path === '/')!;
    const film = weights.find((w) => w.path === '/ip/:id')!;
    // Home: entry and vendor (the console, loaded on demand, is not counted; CSS never is).
    expect(home.files).toEqual(['assets/index.js', 'assets/vendor.js']);
    expect(home.gzipBytes).toBeLessThan(STOREFRONT_JS_BUDGET_BYTES);
    // The film page loads on demand here: entry, vendor once, and its own chunk, over 100 KB.
    expect(film.files).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/film-page.js']);
    expect(film.gzipBytes).toBeGreaterThan(STOREFRONT_JS_BUDGET_BYTES);
    const failures = overBudget(weights);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^\/ip\/:id: 1\d\d\.\d KB of gzipped JavaScript before it is interactive, over the 100 KB budget/,
    );
    // And the real check, run on this manifest, fails the way `npm test` would.
    expect(() => expect(overBudget(weights)).toEqual([])).toThrow(/ip\/:id/);
  });

  it('refuses a manifest it cannot read the entry of, rather than passing an empty build', () => {
    expect(() => routeWeights({}, STOREFRONT_ROUTES, () => Buffer.alloc(0))).toThrow(/one entry chunk/);
    expect(() =>
      routeWeights({ 'index.html': { file: 'a.js', isEntry: true, imports: ['_gone.js'] } }, STOREFRONT_ROUTES, () =>
        Buffer.alloc(0),
      ),
    ).toThrow(/no chunk _gone\.js/);
  });
});
