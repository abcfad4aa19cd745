import type { ProductPagePreview } from '@chedun/catalog';
import { escapeHtml, genericPageMeta, productPageMeta, renderPageMeta } from './page-meta';

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
});
