import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { RatingStars } from './reviews';

const ProductRatings = graphql(`
  query ProductRatings($productIds: [ID!]!) {
    productRatings(productIds: $productIds) { productId rating { average count } }
  }
`);

type Rating = { average?: number | null; count: number };

export interface ProductCardData {
  id: string;
  kind: 'MERCHANDISE' | 'EXPERIENCE';
  name: string;
  nameZh?: string | null;
  category: string;
  inStock: boolean;
  priceFrom?: { amountMinor: number; currency: string } | null;
  filmIp: { title: string; titleZh?: string | null };
  merchant: { name: string; nameZh?: string | null };
}

export function ProductCard({ product, rating }: { product: ProductCardData; rating?: Rating }) {
  const { t, pick, formatMoney } = useI18n();
  return (
    <li className="card product-card" data-testid="product">
      <p className="eyebrow">
        {t(product.kind === 'EXPERIENCE' ? 'product.kind.EXPERIENCE' : 'product.kind.MERCHANDISE')} · {pick(product.filmIp.titleZh, product.filmIp.title)}
      </p>
      <h3>
        <Link to={`/products/${product.id}`}>{pick(product.nameZh, product.name)}</Link>
      </h3>
      <p className="muted">{pick(product.merchant.nameZh, product.merchant.name)}</p>
      {rating && <RatingStars rating={rating} />}
      <p className="price">
        {product.priceFrom ? t('product.from', { price: formatMoney(product.priceFrom.amountMinor, product.priceFrom.currency) }) : ''}
        {!product.inStock && <span className="badge badge-closed">{t('product.soldOut')}</span>}
      </p>
    </li>
  );
}

/** A list of cards with their ratings, fetched for the whole list in one call (search results carry none). */
export function ProductCards({ products }: { products: ProductCardData[] }) {
  const ids = products.map((p) => p.id);
  const ratings = useQuery(ProductRatings, { productIds: ids }, { skip: ids.length === 0 });
  const byId = new Map((ratings.data?.productRatings ?? []).map((r) => [r.productId, r.rating]));
  return (
    <ul className="list cards">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} rating={byId.get(product.id)} />
      ))}
    </ul>
  );
}
