import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { CatalogListingSource } from '@chedun/catalog';
import type { FilmIpReader } from '@chedun/ip';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import type { FilmPageSource } from './film-page-source';
import {
  escapeHtml,
  filmIpPageMeta,
  filmPageMeta,
  genericPageMeta,
  notFoundPageMeta,
  PageMeta,
  PRIVATE_PATHS,
  productPageMeta,
  ProductRatingSummary,
  renderPageMeta,
} from './page-meta';

/**
 * Paths the API owns: never answered with the web app, even for a browser asking for HTML. Every controller's path
 * must be here (web-app-prefixes.spec.ts reads them all), or its downloads would meet the web app's 404 for files.
 */
export const API_PREFIXES = [
  '/graphql',
  '/graphiql',
  '/health',
  '/webhooks',
  '/reports',
  '/media',
  '/sales-reports',
  '/brand-assets',
  '/verification-tags',
];

/** Pages a search engine has no business with (accounts, checkout, consoles) and the API's own paths. */
const ROBOTS_DISALLOW = [...PRIVATE_PATHS, ...API_PREFIXES.filter((p) => p !== '/media')];

/** The sitemap protocol's ceiling for one file. */
const SITEMAP_MAX_URLS = 50_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebAppOptions {
  /** The public origin (PUBLIC_WEB_URL): canonical, Open Graph and sitemap URLs are absolute. */
  webUrl: string;
  /** The shop's listed products: product pages' previews and the sitemap. */
  listings: Pick<CatalogListingSource, 'pagePreview' | 'publishedProductIds'>;
  /** Film IP titles: the search page of one film IP (`/search?ip=`) is named after it. */
  filmIps: Pick<FilmIpReader, 'findByIds'>;
  /** Film pages (`/ip/:id`): their previews and the sitemap. */
  filmPages: Pick<FilmPageSource, 'preview' | 'ids'>;
  /** Verified buyers' ratings: a product page's structured data carries its rating once it has one. */
  ratings: { summaries(productIds: readonly string[]): Promise<(ProductRatingSummary & { productId: string })[]> };
}

function ownedByApi(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** One build of the web app: its index.html, and the file names in its assets folder. */
interface Build {
  template: string;
  files: Set<string>;
}

/**
 * The current build, read again when index.html changes: `npm run build:web` beside a running server replaces the
 * hashed files the old copy names.
 */
function currentBuild(root: string): () => Build {
  const indexFile = join(root, 'index.html');
  let loaded: { mtimeMs: number; build: Build } | undefined;
  return () => {
    const { mtimeMs } = statSync(indexFile);
    if (loaded?.mtimeMs === mtimeMs) return loaded.build;
    const template = readFileSync(indexFile, 'utf8');
    if (!/<title>[^<]*<\/title>/.test(template) || !template.includes('<div id="root"></div>')) {
      throw new Error(`${indexFile} has no <title> or no empty #root to fill`);
    }
    const assets = join(root, 'assets');
    loaded = { mtimeMs, build: { template, files: new Set(existsSync(assets) ? readdirSync(assets) : []) } };
    return loaded.build;
  };
}

/**
 * Hashed assets as the build compressed them (brotli at its best quality, gzip as the fallback): no compression work
 * per request. Clients that accept neither, and files too small to have a compressed copy, get the plain file.
 */
function precompressedAssets(dir: string, build: () => Build): RequestHandler {
  return (req, res, next) => {
    const { files } = build();
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !files.has(name)) return next();
    res.vary('Accept-Encoding');
    // The server's preference, not the header's order: browsers list gzip first, and brotli is the smaller.
    const encoding = (['br', 'gzip'] as const).find(
      (e) => req.acceptsEncodings(e) === e && files.has(`${name}.${e === 'br' ? 'br' : 'gz'}`),
    );
    if (!encoding) return next();
    const suffix = encoding === 'br' ? '.br' : '.gz';
    res.setHeader('Content-Encoding', encoding);
    res.type(extname(name));
    res.sendFile(
      join(dir, `${name}${suffix}`),
      { immutable: true, maxAge: '365d' },
      (error?: Error) => error && next(error),
    );
  };
}

/**
 * Reads the id of a `/products/:id` or `/ip/:id` path (`section`); null for another path, undefined for an id no
 * record can have.
 */
function idOf(section: 'products' | 'ip', path: string): string | null | undefined {
  const match = new RegExp(`^/${section}/([^/]+)$`).exec(path);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1]!);
    return UUID.test(id) ? id.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built single-page app: hashed assets cached for a year, and index.html (never cached) for every other
 * page path a browser asks for, so the app's own routes survive a reload. Each page's copy carries its own title,
 * description and Open Graph tags, and product pages a script-free summary, for crawlers and chat apps' link
 * previews; a product the shop does not list answers 404 (the app still runs, so its merchant sees a draft).
 * Returns undefined when not built.
 */
export function webAppMiddleware(webDir: string, options: WebAppOptions): express.Router | undefined {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  const build = currentBuild(root);
  build(); // A build without a <title> or #root fails at start, not on a visitor's first page.
  const page = (meta: PageMeta) => {
    const { head, body } = renderPageMeta(meta);
    // Functions, not strings: a `$` in a product's name must stay a `$`.
    return build()
      .template.replace(/<title>[^<]*<\/title>/, () => head)
      .replace('<div id="root"></div>', () => `<div id="root"></div>${body}`);
  };
  const webUrl = options.webUrl.replace(/\/$/, '');

  const router = express.Router();
  router.get('/robots.txt', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res
      .type('text/plain')
      .send(
        [
          'User-agent: *',
          ...ROBOTS_DISALLOW.map((p) => `Disallow: ${p}`),
          'Allow: /',
          '',
          `Sitemap: ${webUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      );
  });
  router.get('/sitemap.xml', (_req: Request, res: Response, next: NextFunction) => {
    // Film pages rather than each film's search page: the film page is where the film's products are found, and
    // `/search?ip=` would be the same list a second time.
    Promise.all([options.filmPages.ids(), options.listings.publishedProductIds()])
      .then(([filmIpIds, productIds]) => {
        const urls = [
          '/',
          '/search',
          ...filmIpIds.map((id) => `/ip/${id}`),
          ...productIds.map((id) => `/products/${id}`),
        ].slice(0, SITEMAP_MAX_URLS);
        res.setHeader('Cache-Control', 'public, max-age=3600');
        res
          .type('application/xml')
          .send(
            [
              '<?xml version="1.0" encoding="UTF-8"?>',
              '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
              ...urls.map((path) => `<url><loc>${escapeHtml(`${webUrl}${path}`)}</loc></url>`),
              '</urlset>',
              '',
            ].join('\n'),
          );
      })
      .catch(next);
  });
  const assets = join(root, 'assets');
  router.use('/assets', precompressedAssets(assets, build));
  router.use('/assets', express.static(assets, { immutable: true, maxAge: '365d' }), (_req: Request, res: Response) => {
    res.sendStatus(404);
  });
  router.use(express.static(root, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (ownedByApi(req.path) || req.accepts(['text/html', 'application/json']) !== 'text/html') return next();
    // A file that is not there (an icon, a map file, a guessed path) is missing, not a page of the app.
    if (/\.[a-z0-9]+$/i.test(req.path)) return void res.status(404).type('text/plain').send('Not found');
    res.setHeader('Cache-Control', 'no-cache');
    const productId = idOf('products', req.path);
    const filmId = idOf('ip', req.path);
    const filmIpId =
      req.path === '/search' && typeof req.query.ip === 'string' && UUID.test(req.query.ip) ? req.query.ip : undefined;
    if (filmIpId) {
      return void options.filmIps
        .findByIds([filmIpId])
        .then(([ip]) =>
          res.type('html').send(page(ip ? filmIpPageMeta(ip, webUrl) : genericPageMeta(req.path, webUrl))),
        )
        .catch(next);
    }
    const notFound = () =>
      res
        .status(404)
        .type('html')
        .send(page(notFoundPageMeta(req.path, webUrl)));
    if (filmId === undefined) return void notFound();
    if (filmId) {
      return void options.filmPages
        .preview(filmId)
        .then((film) => (film ? res.type('html').send(page(filmPageMeta(film, webUrl))) : notFound()))
        .catch(next);
    }
    if (productId === null) return void res.type('html').send(page(genericPageMeta(req.path, webUrl)));
    if (productId === undefined) return void notFound();
    Promise.all([options.listings.pagePreview(productId), options.ratings.summaries([productId])])
      .then(([product, [rating]]) =>
        product ? res.type('html').send(page(productPageMeta(product, webUrl, rating))) : notFound(),
      )
      .catch(next);
  });
  return router;
}
