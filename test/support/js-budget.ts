import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (`dist/web/.vite/manifest.json`), as much as the budget needs. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** A storefront route and the page module that draws it (a key of the manifest when it loads on demand). */
export interface StorefrontRoute {
  path: string;
  page: string;
}

export interface RouteWeight {
  path: string;
  /** The JavaScript files a first visit to the route loads before the page can answer: entry, page, static imports. */
  files: string[];
  gzipBytes: number;
}

/**
 * The budget (#20): at most 100 KB of gzipped JavaScript before the first storefront page is interactive.
 * KB as the issue writes it, 1,000 bytes.
 */
export const STOREFRONT_JS_BUDGET_BYTES = 100_000;

export const STOREFRONT_ROUTES: readonly StorefrontRoute[] = [
  { path: '/', page: 'src/pages/home-page.tsx' },
  { path: '/search', page: 'src/pages/search-page.tsx' },
  { path: '/products/:id', page: 'src/pages/product-page.tsx' },
  { path: '/ip/:id', page: 'src/pages/film-page.tsx' },
];

/** A chunk and every chunk it imports statically, transitively: what the browser fetches before running it. */
function withStaticImports(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build manifest has no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
}

/**
 * What each route costs on a first visit: the entry chunk with its static imports, plus the route's page chunk with
 * its own when the page loads on demand (a page bundled into the entry is already counted). Gzip at level 9, as the
 * build writes its `.gz` copies; `readAsset` reads a built file by its manifest name.
 */
export function routeWeights(
  manifest: Manifest,
  routes: readonly StorefrontRoute[],
  readAsset: (file: string) => Buffer,
): RouteWeight[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry chunk in the build manifest, found ${entries.length}`);
  const [entryKey] = entries[0]!;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) gzipped.set(file, (size = gzipSync(readAsset(file), { level: 9 }).length));
    return size;
  };
  return routes.map(({ path, page }) => {
    const keys = new Set<string>();
    withStaticImports(manifest, entryKey, keys);
    if (manifest[page]) withStaticImports(manifest, page, keys);
    const files = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
    return { path, files, gzipBytes: files.reduce((sum, f) => sum + sizeOf(f), 0) };
  });
}

/** The routes over budget, each said in one line for a failing test; empty when all fit. */
export function overBudget(weights: readonly RouteWeight[], budgetBytes = STOREFRONT_JS_BUDGET_BYTES): string[] {
  return weights
    .filter((w) => w.gzipBytes > budgetBytes)
    .map(
      (w) =>
        `${w.path}: ${(w.gzipBytes / 1000).toFixed(1)} KB of gzipped JavaScript before it is interactive, over the ${budgetBytes / 1000} KB budget (${w.files.join(', ')})`,
    );
}

/** The built web app's manifest and a reader of its files. */
export function readBuild(webDir: string): { manifest: Manifest; readAsset: (file: string) => Buffer } {
  const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return { manifest, readAsset: (file) => readFileSync(join(webDir, file)) };
}
