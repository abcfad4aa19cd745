import { ProductCards } from '../components/product-card';
import { SearchBar } from '../components/search-bar';
import { Placeholder, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link, navigate } from '../lib/router';
import { useFilmIpTitles } from '../lib/use-film-ip-titles';
import { useQuery } from '../lib/use-query';
import { SearchProducts } from './search-page';

const FilmIps = graphql(`
  query FilmIps {
    filmIps(first: 24) {
      totalCount
      edges {
        node {
          id
          title
          titleZh
          year
          synopsis
          synopsisZh
          filmingLocations {
            id
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

export function HomePage() {
  const { t, pick } = useI18n();
  const shop = useQuery(SearchProducts, { sort: 'NEWEST', first: 8 });
  const ips = useQuery(FilmIps);
  const titleOf = useFilmIpTitles();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.tagline')}</p>
        <SearchBar
          id="home-search"
          onSearch={(text) => navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/search')}
        />
      </section>
      <section aria-labelledby="collections">
        <h2 id="collections">{t('home.collections')}</h2>
        <QueryView
          state={{ ...shop, loading: shop.loading || titleOf.loading }}
          isEmpty={(d) => d.searchProducts.facets.filmIps.length === 0}
          empty={t('home.noProducts')}
          placeholder={<Placeholder shape="chips" count={3} />}
        >
          {(d) => (
            <ul className="chips">
              {d.searchProducts.facets.filmIps.map((facet) => (
                <li key={facet.filmIp.id}>
                  <Link className="chip" to={`/search?ip=${encodeURIComponent(facet.filmIp.id)}`}>
                    {pick(titleOf(facet.filmIp).titleZh, titleOf(facet.filmIp).title)} <span aria-hidden="true">·</span>{' '}
                    {t('home.items', { count: facet.count })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{t('home.newest')}</h2>
        <QueryView
          state={shop}
          isEmpty={(d) => d.searchProducts.edges.length === 0}
          empty={t('home.noProducts')}
          placeholder={<Placeholder shape="cards" count={8} />}
        >
          {(d) => <ProductCards products={d.searchProducts.edges.map(({ node }) => node)} />}
        </QueryView>
      </section>
      <section aria-labelledby="film-ips">
        <h2 id="film-ips">{t('home.filmIps')}</h2>
        <QueryView
          state={ips}
          isEmpty={(d) => d.filmIps.edges.length === 0}
          empty={t('home.noFilmIps')}
          placeholder={<Placeholder shape="cards" count={3} />}
        >
          {(d) => (
            <ul className="list cards">
              {d.filmIps.edges.map(({ node }) => (
                <li key={node.id} className="card">
                  <h3>
                    <Link to={`/ip/${encodeURIComponent(node.id)}`}>{pick(node.titleZh, node.title)}</Link>{' '}
                    {node.year && <span className="muted">({node.year})</span>}
                  </h3>
                  {(node.synopsisZh || node.synopsis) && <p>{pick(node.synopsisZh, node.synopsis)}</p>}
                  {node.filmingLocations.length > 0 && (
                    <p className="muted">
                      {t('home.filmedAt')} {node.filmingLocations.map((l) => pick(l.nameZh, l.nameEn)).join(' · ')}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
      <section className="card consoles">
        <p>{t('home.forBusiness')}</p>
        <div className="actions">
          <Link className="button secondary" to="/merchant">
            {t('nav.merchant')}
          </Link>
          <Link className="button secondary" to="/studio">
            {t('nav.studio')}
          </Link>
        </div>
      </section>
    </>
  );
}
