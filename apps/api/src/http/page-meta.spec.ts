import type { ProductPagePreview } from '@chedun/catalog';
import type { FilmPagePreview } from './film-page-source';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  escapeHtml,
  filmPageMeta,
  genericPageMeta,
  jsonForScript,
  PRODUCT_IMAGE_SIZES,
  productPageMeta,
  renderPageMeta,
} from './page-meta';

/** The JSON-LD the head carries, parsed back as a crawler reads it. */
function jsonLdOf(head: string): Record<string, unknown> {
  const scripts = [...head.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!) as Record<string, unknown>;
}

const product = (over: Partial<ProductPagePreview> = {}): ProductPagePreview =>
  ({
    productId: '6f0c1c9e-2f47-4d5b-9a51-1f2d3c4b5a69',
    kind: 'MERCHANDISE',
    category: 'APPAREL',
    name: 'Lantern tee',
    nameZh: '宝莲灯T恤',
    description: 'Cotton tee',
    descriptionZh: null,
    filmIpId: 'ip',
    filmIpTitle: 'Lotus Lantern',
    filmIpTitleZh: '宝莲灯',
    studioId: 'studio',
    merchantId: 'merchant',
    merchantName: 'Xiangdi Art Center',
    merchantNameZh: '香堤艺术中心',
    venueId: null,
    priceFromMinor: 9900,
    currency: 'CNY',
    inStock: true,
    availableDates: [],
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    images: ['/media/abc.webp'],
    ...over,
  }) as ProductPagePreview;

describe('page meta', () => {
  it('preloads the product page’s main picture with the page’s own srcset and sizes, so it is fetched once, early', () => {
    const meta = productPageMeta(
      product({ cover: { url: '/media/full.webp', cardUrl: '/media/card.webp', width: 3000, height: 1500 } }),
      'https://shop.example.com',
    );
    // 3000 × 1500 fits a 640 px square at 640 × 320 and a 2048 px square at 2048 × 1024.
    expect(meta.preloadImage).toEqual({
      href: '/media/card.webp',
      srcset: '/media/card.webp 640w, /media/full.webp 2048w',
      sizes: PRODUCT_IMAGE_SIZES,
    });
    expect(renderPageMeta(meta).head).toContain(
      '<link rel="preload" as="image" href="/media/card.webp" imagesrcset="/media/card.webp 640w, /media/full.webp 2048w" imagesizes="(max-width: 800px) 100vw, 760px" fetchpriority="high" />',
    );
    // A small original is never enlarged: both renditions keep its width.
    expect(
      productPageMeta(product({ cover: { url: '/f.webp', cardUrl: '/c.webp', width: 500, height: 400 } }), 'https://x')
        .preloadImage?.srcset,
    ).toBe('/c.webp 500w, /f.webp 500w');
    expect(productPageMeta(product(), 'https://x').preloadImage).toBeUndefined();
  });

  it('uses the same sizes as the product page draws its picture with', () => {
    const page = readFileSync(join(__dirname, '..', '..', '..', 'web', 'src', 'pages', 'product-page.tsx'), 'utf8');
    expect(page).toContain(`sizes="${PRODUCT_IMAGE_SIZES}"`);
  });

  it('escapes the five characters that end a text node or an attribute', () => {
    expect(escapeHtml(`</title><a href="x" onclick='y'>&amp;`)).toBe(
      '&lt;/title&gt;&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;',
    );
  });

  it("describes a product by its Chinese name, film, merchant and price, with its first picture's absolute URL", () => {
    const meta = productPageMeta(product(), 'https://shop.example.com');
    expect(meta).toMatchObject({
      title: '宝莲灯T恤 · 车墩集市 Chedun Market',
      description: '宝莲灯 · 香堤艺术中心 · ¥99.00 起。Cotton tee',
      url: 'https://shop.example.com/products/6f0c1c9e-2f47-4d5b-9a51-1f2d3c4b5a69',
      image: 'https://shop.example.com/media/abc.webp',
      price: { amount: '99.00', currency: 'CNY' },
    });
  });

  it('keeps a description to one search-result line and leaves out a picture that is no http(s) URL', () => {
    const meta = productPageMeta(
      product({ descriptionZh: '长'.repeat(400), images: ['javascript:alert(1)'] }),
      'https://shop.example.com',
    );
    expect(meta.description.length).toBe(160);
    expect(meta.description.endsWith('…')).toBe(true);
    expect(meta.image).toBeUndefined();
    expect(renderPageMeta(meta).head).not.toContain('og:image');
  });

  it('writes a currency without minor units as it is (JPY)', () => {
    expect(
      productPageMeta(product({ priceFromMinor: 1200, currency: 'JPY' }), 'https://s.example').price,
    ).toMatchObject({ amount: '1200' });
  });

  it('marks account, checkout and console pages noindex and gives them no canonical link', () => {
    const { head } = renderPageMeta(genericPageMeta('/merchant', 'https://s.example'));
    expect(head).toContain('<meta name="robots" content="noindex" />');
    expect(head).not.toContain('canonical');
    expect(renderPageMeta(genericPageMeta('/', 'https://s.example')).head).toContain(
      '<link rel="canonical" href="https://s.example/" />',
    );
  });

  it('describes the product for search engines as JSON-LD: price in yuan, CNY, availability, no rating before reviews', () => {
    const ld = jsonLdOf(renderPageMeta(productPageMeta(product(), 'https://shop.example.com')).head);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: '宝莲灯T恤',
      alternateName: 'Lantern tee',
      description: 'Cotton tee',
      sku: '6f0c1c9e-2f47-4d5b-9a51-1f2d3c4b5a69',
      url: 'https://shop.example.com/products/6f0c1c9e-2f47-4d5b-9a51-1f2d3c4b5a69',
      image: ['https://shop.example.com/media/abc.webp'],
      brand: { '@type': 'Brand', name: '宝莲灯' },
      offers: {
        '@type': 'Offer',
        url: 'https://shop.example.com/products/6f0c1c9e-2f47-4d5b-9a51-1f2d3c4b5a69',
        price: '99.00',
        priceCurrency: 'CNY',
        availability: 'https://schema.org/InStock',
        seller: { '@type': 'Organization', name: '香堤艺术中心' },
      },
    });
    const soldOut = jsonLdOf(renderPageMeta(productPageMeta(product({ inStock: false }), 'https://s.example')).head);
    expect(soldOut.offers).toMatchObject({ availability: 'https://schema.org/OutOfStock' });
  });

  it("adds the verified buyers' rating once there is one, and none for a product with no reviews", () => {
    const rated = productPageMeta(product(), 'https://s.example', { average: 4.5, count: 2 });
    expect(jsonLdOf(renderPageMeta(rated).head).aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4.5,
      reviewCount: 2,
      bestRating: 5,
      worstRating: 1,
    });
    const unrated = productPageMeta(product(), 'https://s.example', { average: null, count: 0 });
    expect(jsonLdOf(renderPageMeta(unrated).head)).not.toHaveProperty('aggregateRating');
  });

  it('keeps text a merchant typed from ending the JSON-LD script, and reads back unchanged', () => {
    const name = '</script><script>alert(1)</script> <!-- & \u2028';
    const { head } = renderPageMeta(productPageMeta(product({ nameZh: name }), 'https://s.example'));
    expect(head.match(/<script/g)).toHaveLength(1);
    expect(head).not.toContain('</script><script>');
    expect(jsonLdOf(head).name).toBe(name);
    expect(jsonForScript({ a: '<>&' })).toBe('{"a":"\\u003c\\u003e\\u0026"}');
  });

  it("describes a film page by its titles, year, studio and Chinese synopsis, with its key art and locations' maps", () => {
    const film: FilmPagePreview = {
      id: 'a0c1c9e2-2f47-4d5b-9a51-1f2d3c4b5a69',
      title: 'Lotus Lantern',
      titleZh: '宝莲灯',
      year: 1999,
      synopsis: 'A boy frees his mother.',
      synopsisZh: '沉香劈山救母。',
      studioName: 'Xinshe Studio',
      studioNameZh: '新社影业',
      keyArt: '/media/art.webp',
      locations: [{ nameEn: 'Film Park', nameZh: '影视乐园', mapUrl: 'https://www.openstreetmap.org/?mlat=1&mlon=2' }],
    };
    const meta = filmPageMeta(film, 'https://s.example');
    expect(meta).toMatchObject({
      title: '宝莲灯 Lotus Lantern (1999) · 车墩集市 Chedun Market',
      description: '《宝莲灯》 1999 · 新社影业。沉香劈山救母。',
      url: 'https://s.example/ip/a0c1c9e2-2f47-4d5b-9a51-1f2d3c4b5a69',
      image: 'https://s.example/media/art.webp',
      type: 'video.movie',
    });
    const { head, body } = renderPageMeta(meta);
    expect(head).toContain('<meta property="og:image" content="https://s.example/media/art.webp" />');
    expect(body).toContain('<p>A boy frees his mother.</p>');
    expect(body).toContain('<a href="https://www.openstreetmap.org/?mlat=1&amp;mlon=2">地图 Map: 影视乐园</a>');
    expect(body).toContain('<a href="/search?ip=a0c1c9e2-2f47-4d5b-9a51-1f2d3c4b5a69">');
  });
});
