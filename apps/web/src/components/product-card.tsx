import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';

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

export function ProductCard({ product }: { product: ProductCardData }) {
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
      <p className="price">
        {product.priceFrom ? t('product.from', { price: formatMoney(product.priceFrom.amountMinor, product.priceFrom.currency) }) : ''}
        {!product.inStock && <span className="badge badge-closed">{t('product.soldOut')}</span>}
      </p>
    </li>
  );
}
