import type { ProductPagePreview } from '@chedun/catalog';
import type { FilmPagePreview } from './film-page-source';

/** What one page path tells crawlers and link previews before any script runs. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page, without its query. */
  url: string;
  /** Absolute URL of the preview picture, when the page has one. */
  image?: string;
  type: 'website' | 'product' | 'video.movie';
  price?: { amount: string; currency: string; text: string };
  /** Console, account and checkout pages are no search result. */
  noindex?: boolean;
  /** Shown to clients that run no script (crawlers, link previewers): plain HTML, no script. */
  body?: {
    heading: string;
    lines: string[];
    image?: { src: string; alt: string };
    links?: { href: string; text: string }[];
  };
  /** Structured data (schema.org) for search engines, written as one JSON-LD script. */
  jsonLd?: Record<string, unknown>;
  /**
   * The picture the page opens with (its largest paint), fetched with the HTML rather than after the script and the
   * product query have run; srcset and sizes must be the page's own, or the browser fetches a second copy.
   */
  preloadImage?: { href: string; srcset: string; sizes: string };
}

/**
 * The product page's main picture, as apps/web/src/pages/product-page.tsx draws it (`sizes`, and renditions that
 * fit the original inside 640 and 2048 px squares); page-meta.spec.ts reads that file to keep the two the same.
 */
export const PRODUCT_IMAGE_SIZES = '(max-width: 800px) 100vw, 760px';

/** A rendition's real width: it fits the original inside a `box` px square and never enlarges it. */
function renditionWidth(width: number, height: number, box: number): number {
  return Math.round(width * Math.min(1, box / Math.max(width, height)));
}

/** A product's verified buyers' rating, when it has one. */
export interface ProductRatingSummary {
  average: number | null;
  count: number;
}

const SITE = '车墩集市 Chedun Market';
const SITE_DESCRIPTION =
  '车墩影视基地授权周边与片场体验：按影视IP搜索正版商品、预订拍摄地打卡 · Licensed film merchandise and filming-location experiences from Chedun, Songjiang.';
const DESCRIPTION_LENGTH = 160;

/** Account, checkout and console pages: `noindex` in their HTML, and disallowed in robots.txt. */
export const PRIVATE_PATHS = [
  '/cart',
  '/orders',
  '/login',
  '/signup',
  '/verify-email',
  '/accept-invitation',
  '/merchant',
  '/studio',
];

/** Escapes text for an HTML text node or a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** Minor units as the shop shows them (¥12.50), with the major-unit amount Open Graph's price tags expect. */
function price(minor: number, currency: string): PageMeta['price'] {
  const format = new Intl.NumberFormat('zh-CN', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const major = minor / 10 ** digits;
  return { amount: major.toFixed(digits), currency, text: format.format(major) };
}

function absoluteUrl(src: string | undefined, webUrl: string): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src, webUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function genericPageMeta(path: string, webUrl: string): PageMeta {
  const url = `${webUrl}${path}`;
  if (path === '/search') {
    const title = `搜索 Search · ${SITE}`;
    return {
      title,
      description: SITE_DESCRIPTION,
      url,
      type: 'website',
      body: { heading: title, lines: [SITE_DESCRIPTION] },
    };
  }
  if (path === '/')
    return {
      title: SITE,
      description: SITE_DESCRIPTION,
      url,
      type: 'website',
      body: { heading: SITE, lines: [SITE_DESCRIPTION] },
    };
  const noindex = PRIVATE_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
  return { title: SITE, description: SITE_DESCRIPTION, url, type: 'website', ...(noindex ? { noindex } : {}) };
}

/** The search page of one film IP (`/search?ip=`): what a visitor looking for that film's merchandise lands on. */
export function filmIpPageMeta(ip: { id: string; title: string; titleZh: string | null }, webUrl: string): PageMeta {
  const name = ip.titleZh ? `${ip.titleZh} ${ip.title}` : ip.title;
  const title = `${name} 授权周边与片场体验 · ${SITE}`;
  const description = clip(
    `《${ip.titleZh ?? ip.title}》正版授权周边、拍摄地打卡与片场体验 · Licensed merchandise and filming-location experiences of ${ip.title}, from Chedun, Songjiang.`,
    DESCRIPTION_LENGTH,
  );
  return {
    title,
    description,
    url: `${webUrl}/search?ip=${encodeURIComponent(ip.id)}`,
    type: 'website',
    body: { heading: title, lines: [description] },
  };
}

export function notFoundPageMeta(path: string, webUrl: string): PageMeta {
  return {
    title: `未找到 Not found · ${SITE}`,
    description: SITE_DESCRIPTION,
    url: `${webUrl}${path}`,
    type: 'website',
    noindex: true,
  };
}

/** A film's own page (`/ip/:id`): its story, studio, filming locations and a link to everything sold under it. */
export function filmPageMeta(film: FilmPagePreview, webUrl: string): PageMeta {
  const name = film.titleZh ? `${film.titleZh} ${film.title}` : film.title;
  const studio = film.studioNameZh ?? film.studioName;
  const heading = film.year ? `${name} (${film.year})` : name;
  const synopsis = film.synopsisZh ?? film.synopsis;
  const summary = `《${film.titleZh ?? film.title}》${film.year ? ` ${film.year}` : ''} · ${studio}`;
  const description = clip(
    synopsis
      ? `${summary}。${synopsis}`
      : `${summary}。正版授权周边、拍摄地打卡与片场体验 · Licensed merchandise and filming-location experiences of ${film.title}.`,
    DESCRIPTION_LENGTH,
  );
  const image = absoluteUrl(film.keyArt, webUrl);
  const places = film.locations.map((l) => (l.nameZh ? `${l.nameZh} ${l.nameEn}` : l.nameEn));
  return {
    title: `${heading} · ${SITE}`,
    description,
    url: `${webUrl}/ip/${film.id}`,
    type: 'video.movie',
    ...(image ? { image } : {}),
    body: {
      heading,
      lines: [
        summary,
        ...(film.synopsisZh ? [clip(film.synopsisZh, 600)] : []),
        ...(film.synopsis ? [clip(film.synopsis, 600)] : []),
        ...(places.length ? [`拍摄地 Filming locations: ${places.join(' · ')}`] : []),
      ],
      ...(image ? { image: { src: image, alt: name } } : {}),
      links: [
        { href: `/search?ip=${encodeURIComponent(film.id)}`, text: '全部周边与体验 All products' },
        ...film.locations.map((l) => ({ href: l.mapUrl, text: `地图 Map: ${l.nameZh ?? l.nameEn}` })),
      ],
    },
  };
}

/** schema.org availability of a listed product. */
const IN_STOCK = 'https://schema.org/InStock';
const OUT_OF_STOCK = 'https://schema.org/OutOfStock';

export function productPageMeta(product: ProductPagePreview, webUrl: string, rating?: ProductRatingSummary): PageMeta {
  const name = product.nameZh ?? product.name;
  const ip = product.filmIpTitleZh ?? product.filmIpTitle;
  const merchant = product.merchantNameZh ?? product.merchantName;
  const cost = product.priceFromMinor === null ? undefined : price(product.priceFromMinor, product.currency);
  const summary = [ip, merchant, cost && `${cost.text} 起`].filter(Boolean).join(' · ');
  const text = product.descriptionZh ?? product.description;
  const image = absoluteUrl(product.images[0], webUrl);
  const url = `${webUrl}/products/${product.productId}`;
  const description = clip(text ? `${summary}。${text}` : summary, DESCRIPTION_LENGTH);
  const images = product.images.map((src) => absoluteUrl(src, webUrl)).filter((src) => src !== undefined);
  // Google's product snippet: one Offer at the lowest price (what the page says "from"), the film IP as the brand
  // the product is licensed under, and a rating only once verified buyers have given one.
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    ...(product.nameZh && product.nameZh !== product.name ? { alternateName: product.name } : {}),
    description: clip(text ?? summary, 5000),
    sku: product.productId,
    url,
    ...(images.length ? { image: images } : {}),
    brand: { '@type': 'Brand', name: ip },
    ...(cost
      ? {
          offers: {
            '@type': 'Offer',
            url,
            price: cost.amount,
            priceCurrency: cost.currency,
            availability: product.inStock ? IN_STOCK : OUT_OF_STOCK,
            seller: { '@type': 'Organization', name: merchant },
          },
        }
      : {}),
    ...(rating && rating.count > 0 && rating.average !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: rating.average,
            reviewCount: rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
  return {
    title: `${name} · ${SITE}`,
    description,
    url,
    jsonLd,
    type: 'product',
    ...(image ? { image } : {}),
    ...(cost ? { price: cost } : {}),
    ...(product.cover
      ? {
          preloadImage: {
            href: product.cover.cardUrl,
            srcset: `${product.cover.cardUrl} ${renditionWidth(product.cover.width, product.cover.height, 640)}w, ${product.cover.url} ${renditionWidth(product.cover.width, product.cover.height, 2048)}w`,
            sizes: PRODUCT_IMAGE_SIZES,
          },
        }
      : {}),
    body: {
      heading: name,
      lines: [summary, ...(text ? [clip(text, 600)] : [])],
      ...(image ? { image: { src: image, alt: name } } : {}),
    },
  };
}

/**
 * JSON safe inside a <script> element: `<` (so no `</script>` or `<!--` a merchant typed can end or bend the
 * element), `>` and `&` as \u escapes, and the two line separators older parsers reject; JSON.parse reads it unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The head tags and the script-free body block for a page, every value escaped. */
export function renderPageMeta(meta: PageMeta): { head: string; body: string } {
  const tag = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const head = [
    `<title>${escapeHtml(meta.title)}</title>`,
    tag('name', 'description', meta.description),
    meta.noindex ? tag('name', 'robots', 'noindex') : `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    tag('property', 'og:site_name', SITE),
    tag('property', 'og:type', meta.type),
    tag('property', 'og:title', meta.title),
    tag('property', 'og:description', meta.description),
    tag('property', 'og:url', meta.url),
    ...(meta.image
      ? [tag('property', 'og:image', meta.image), tag('name', 'twitter:card', 'summary_large_image')]
      : []),
    ...(meta.price
      ? [
          tag('property', 'product:price:amount', meta.price.amount),
          tag('property', 'product:price:currency', meta.price.currency),
        ]
      : []),
    ...(meta.jsonLd ? [`<script type="application/ld+json">${jsonForScript(meta.jsonLd)}</script>`] : []),
    ...(meta.preloadImage
      ? [
          `<link rel="preload" as="image" href="${escapeHtml(meta.preloadImage.href)}" imagesrcset="${escapeHtml(meta.preloadImage.srcset)}" imagesizes="${escapeHtml(meta.preloadImage.sizes)}" fetchpriority="high" />`,
        ]
      : []),
  ].join('\n    ');
  const b = meta.body;
  const body = b
    ? [
        '<noscript><article class="product">',
        `<h1>${escapeHtml(b.heading)}</h1>`,
        ...b.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
        ...(b.image ? [`<img src="${escapeHtml(b.image.src)}" alt="${escapeHtml(b.image.alt)}" width="480" />`] : []),
        ...(b.links?.length
          ? [
              '<ul>',
              ...b.links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`),
              '</ul>',
            ]
          : []),
        `<p><a href="/">${escapeHtml(SITE)}</a> · <a href="/search">搜索 Search</a></p>`,
        '</article></noscript>',
      ].join('')
    : '';
  return { head, body };
}
