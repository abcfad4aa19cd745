import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { RatingStars } from './reviews';

const ProductRatings = graphql(`
  query ProductRatings($productIds: [ID!]!) {
    productRatings(productIds: $productIds) {
      productId
      rating {
        average
        count
      }
    }
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
  cover?: { thumbnailUrl: string; cardUrl: string; alt?: string | null; altZh?: string | null } | null;
}

/** The card's picture, a fixed square beside the text (CSS), so the card is as tall with or without it and nothing shifts as it loads. */
function CardCover({ cover }: { cover: ProductCardData['cover'] }) {
  const { pick } = useI18n();
  if (!cover) return <div className="card-cover" aria-hidden="true" />;
  return (
    <img
      className="card-cover"
      src={cover.thumbnailUrl}
      srcSet={`${cover.thumbnailUrl} 240w, ${cover.cardUrl} 640w`}
      sizes="6.5rem"
      width={240}
      height={240}
      loading="lazy"
      decoding="async"
      alt={pick(cover.altZh, cover.alt)}
    />
  );
}

export function ProductCard({ product, rating }: { product: ProductCardData; rating?: Rating }) {
  const { t, pick, formatMoney } = useI18n();
  return (
    <li className="card product-card" data-testid="product">
      <CardCover cover={product.cover} />
      <p className="eyebrow">
        {t(product.kind === 'EXPERIENCE' ? 'product.kind.EXPERIENCE' : 'product.kind.MERCHANDISE')} ·{' '}
        {pick(product.filmIp.titleZh, product.filmIp.title)}
      </p>
      <h3>
        <Link to={`/products/${product.id}`}>{pick(product.nameZh, product.name)}</Link>
      </h3>
      <p className="muted">{pick(product.merchant.nameZh, product.merchant.name)}</p>
      {/* The rating's line is kept while the ratings load (they come in a second query), so the card does not grow. */}
      {rating ? (
        <RatingStars rating={rating} />
      ) : (
        <span className="rating" aria-hidden="true">
          {'\u00a0'}
        </span>
      )}
      <p className="price">
        {product.priceFrom
          ? t('product.from', { price: formatMoney(product.priceFrom.amountMinor, product.priceFrom.currency) })
          : ''}
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
