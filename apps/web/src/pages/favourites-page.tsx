import { RatingStars } from '../components/reviews';
import { QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useMe } from '../lib/use-me';
import { useQuery } from '../lib/use-query';

const MyFavourites = graphql(`
  query MyFavourites {
    myFavourites {
      id
      kind
      name
      nameZh
      priceFrom {
        amountMinor
        currency
      }
      merchant {
        id
        name
        nameZh
      }
      rating {
        average
        count
      }
    }
  }
`);

/** The signed-in visitor's saved products still on sale. */
export function FavouritesPage() {
  const { t, pick, formatMoney } = useI18n();
  const me = useMe();
  const favourites = useQuery(MyFavourites, {}, { skip: !me.signedIn });
  if (!me.signedIn) {
    return (
      <section className="card narrow">
        <p>{t('favourite.needLogin')}</p>
        <Link className="button" to="/login?next=/favourites">
          {t('auth.login')}
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('favourite.title')}</h1>
      <QueryView state={favourites} isEmpty={(d) => d.myFavourites.length === 0} empty={t('favourite.none')}>
        {(d) => (
          <ul className="list cards">
            {d.myFavourites.map((p) => (
              <li key={p.id} className="card product-card" data-testid="favourite-product">
                <p className="eyebrow">
                  {t(p.kind === 'EXPERIENCE' ? 'product.kind.EXPERIENCE' : 'product.kind.MERCHANDISE')}
                </p>
                <h3>
                  <Link to={`/products/${p.id}`}>{pick(p.nameZh, p.name)}</Link>
                </h3>
                <p className="muted">{pick(p.merchant.nameZh, p.merchant.name)}</p>
                <RatingStars rating={p.rating} />
                {p.priceFrom && (
                  <p className="price">
                    {t('product.from', { price: formatMoney(p.priceFrom.amountMinor, p.priceFrom.currency) })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
