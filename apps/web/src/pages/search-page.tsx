import { FormEvent, useEffect, useRef, useState } from 'react';
import { ProductCards } from '../components/product-card';
import { SearchBar } from '../components/search-bar';
import { ErrorMessage, Placeholder, QueryView } from '../components/states';
import { graphql } from '../gql';
import type {
  ProductCategory,
  ProductFilter,
  ProductKind,
  ProductSearchSort,
  SearchProductsQuery,
} from '../gql/graphql';
import { ApiError, request } from '../lib/api';
import { DEFAULT_CURRENCY, parseMinorUnits } from '../lib/money';
import { useI18n } from '../lib/i18n';
import { Link, navigate, useLocation } from '../lib/router';
import { useFilmIpTitles } from '../lib/use-film-ip-titles';
import { useQuery } from '../lib/use-query';
import { readSearchSnapshot, restoreSearchPlace, SearchSnapshot, useKeepSearchSnapshot } from '../lib/search-snapshot';

export const SearchProducts = graphql(`
  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        categories {
          category
          count
        }
        filmIps {
          count
          filmIp {
            id
            title
            titleZh
          }
        }
      }
      edges {
        node {
          id
          kind
          name
          nameZh
          category
          inStock
          priceFrom {
            amountMinor
            currency
          }
          filmIp {
            id
            title
            titleZh
          }
          merchant {
            id
            name
            nameZh
          }
          cover {
            thumbnailUrl
            cardUrl
            alt
            altZh
          }
        }
      }
    }
  }
`);

const SORTS: readonly ProductSearchSort[] = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'];
const PAGE = 12;

/** Search state lives in the URL (?q=&cat=&ip=&kind=&min=&max=&sort=), so results can be shared and reloaded. */
function readParams(search: URLSearchParams) {
  // A price filter carries no currency of its own: its bounds are typed in the default currency's major unit.
  const yuan = (name: string) => parseMinorUnits(search.get(name) ?? '', DEFAULT_CURRENCY) ?? undefined;
  const categories = (search.get('cat') ?? '').split(',').filter(Boolean) as ProductCategory[];
  const filter: ProductFilter = {
    ...(categories.length ? { categories } : {}),
    ...(search.get('ip') ? { filmIpId: search.get('ip') } : {}),
    ...(search.get('kind') ? { kind: search.get('kind') as ProductKind } : {}),
    ...(yuan('min') !== undefined ? { minPriceMinor: yuan('min') } : {}),
    ...(yuan('max') !== undefined ? { maxPriceMinor: yuan('max') } : {}),
  };
  const sort = (SORTS as readonly string[]).includes(search.get('sort') ?? '')
    ? (search.get('sort') as ProductSearchSort)
    : 'RELEVANCE';
  return { text: search.get('q') ?? '', categories, filter, sort };
}

function withParam(search: URLSearchParams, name: string, value: string | undefined): string {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  return `/search?${next.toString()}`;
}

type Edge = SearchProductsQuery['searchProducts']['edges'][number];
type More = { edges: Edge[]; endCursor: string | null; hasNextPage: boolean };

export function SearchPage() {
  const { t, pick } = useI18n();
  const { search } = useLocation();
  const params = readParams(search);
  const titleOf = useFilmIpTitles();
  const result = useQuery(SearchProducts, {
    text: params.text || null,
    filter: params.filter,
    sort: params.sort,
    first: PAGE,
  });
  const [more, setMore] = useState<More | undefined>();
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  // Back from a product: the pages loaded with "more" and the scroll position come back once the first page is here.
  const key = search.toString();
  const restoring = useRef(readSearchSnapshot<More>(key));
  const [place, setPlace] = useState<Pick<SearchSnapshot<More>, 'scrollY' | 'anchor'> | undefined>();
  useEffect(() => {
    // Only a new answer starts the pages over (or brings the kept ones back); the key is read with it.
    const snapshot = result.data ? restoring.current : undefined;
    if (result.data) restoring.current = undefined;
    if (snapshot?.key === key) {
      setMore(snapshot.more);
      setPlace({ scrollY: snapshot.scrollY, anchor: snapshot.anchor });
    } else setMore(undefined);
  }, [result.data]);
  useEffect(() => (place ? restoreSearchPlace(place) : undefined), [place]);
  useKeepSearchSnapshot(key, more);
  // On a phone the filters wait behind a button, so the first result is on the first screen (CSS shows them on wider
  // screens whatever this says).
  const [filtersOpen, setFiltersOpen] = useState(false);

  const toggleCategory = (category: ProductCategory) => {
    const next = params.categories.includes(category)
      ? params.categories.filter((c) => c !== category)
      : [...params.categories, category];
    navigate(withParam(search, 'cat', next.join(',') || undefined));
  };
  const loadMore = async () => {
    const pageInfo = more ?? result.data?.searchProducts.pageInfo;
    if (!pageInfo?.endCursor) return;
    try {
      const page = await request(SearchProducts, {
        text: params.text || null,
        filter: params.filter,
        sort: params.sort,
        first: PAGE,
        after: pageInfo.endCursor,
      });
      setMore((current) => ({
        edges: [...(current?.edges ?? []), ...page.searchProducts.edges],
        endCursor: page.searchProducts.pageInfo.endCursor ?? null,
        hasNextPage: page.searchProducts.pageInfo.hasNextPage,
      }));
    } catch (error) {
      setMoreError(error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)));
    }
  };

  return (
    <section>
      <h1>{t('search.title')}</h1>
      <SearchBar
        id="search-text"
        initial={params.text}
        onSearch={(text) => navigate(withParam(search, 'q', text || undefined))}
      />
      <button
        type="button"
        className="secondary filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="search-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {t(filtersOpen ? 'search.hideFilters' : 'search.showFilters')}
      </button>
      <div className="search-layout">
        <aside
          id="search-filters"
          aria-label={t('search.filters')}
          className={`filters card${filtersOpen ? ' open' : ''}`}
        >
          <label>
            {t('search.sort')}
            <select value={params.sort} onChange={(e) => navigate(withParam(search, 'sort', e.target.value))}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('search.kind')}
            <select
              value={search.get('kind') ?? ''}
              onChange={(e) => navigate(withParam(search, 'kind', e.target.value || undefined))}
            >
              <option value="">{t('search.any')}</option>
              <option value="MERCHANDISE">{t('product.kind.MERCHANDISE')}</option>
              <option value="EXPERIENCE">{t('product.kind.EXPERIENCE')}</option>
            </select>
          </label>
          <PriceRange search={search} />
          {result.data && !titleOf.loading && (
            <>
              <fieldset>
                <legend>{t('search.categories')}</legend>
                {result.data.searchProducts.facets.categories.length === 0 && (
                  <p className="muted">{t('search.noFacets')}</p>
                )}
                {result.data.searchProducts.facets.categories.map((facet) => (
                  <label key={facet.category} className="check">
                    <input
                      type="checkbox"
                      checked={params.categories.includes(facet.category)}
                      onChange={() => toggleCategory(facet.category)}
                    />
                    {t(`category.${facet.category}`)} <span className="muted">({facet.count})</span>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t('search.filmIps')}</legend>
                {search.get('ip') && (
                  <>
                    <Link to={`/ip/${encodeURIComponent(search.get('ip')!)}`}>{t('film.page')}</Link>
                    <button type="button" className="link" onClick={() => navigate(withParam(search, 'ip', undefined))}>
                      {t('search.allIps')}
                    </button>
                  </>
                )}
                {result.data.searchProducts.facets.filmIps.map((facet) => (
                  <label key={facet.filmIp.id} className="check">
                    <input
                      type="radio"
                      name="film-ip"
                      checked={search.get('ip') === facet.filmIp.id}
                      onChange={() => navigate(withParam(search, 'ip', facet.filmIp.id))}
                    />
                    {pick(titleOf(facet.filmIp).titleZh, titleOf(facet.filmIp).title)}{' '}
                    <span className="muted">({facet.count})</span>
                  </label>
                ))}
              </fieldset>
            </>
          )}
          {(!result.data || titleOf.loading) && <FacetPlaceholders />}
        </aside>
        <div className="results">
          <h2 className="visually-hidden">{t('search.results')}</h2>
          <QueryView
            state={result}
            isEmpty={(d) => d.searchProducts.edges.length === 0}
            empty={t('search.none')}
            placeholder={<Placeholder shape="cards" count={4} />}
          >
            {(d) => (
              <>
                <p className="muted" role="status">
                  {t('search.count', { count: d.searchProducts.totalCount })}
                </p>
                <ProductCards products={[...d.searchProducts.edges, ...(more?.edges ?? [])].map(({ node }) => node)} />
                {moreError && <ErrorMessage error={moreError} />}
                {(more ? more.hasNextPage : d.searchProducts.pageInfo.hasNextPage) && (
                  <button type="button" className="secondary more" onClick={loadMore}>
                    {t('search.more')}
                  </button>
                )}
              </>
            )}
          </QueryView>
        </div>
      </div>
    </section>
  );
}

/** The facets' room, kept while the first results load: on a phone the results sit below them. */
function FacetPlaceholders() {
  const { t } = useI18n();
  return (
    <>
      <fieldset>
        <legend>{t('search.categories')}</legend>
        <Placeholder shape="lines" count={4} />
      </fieldset>
      <fieldset>
        <legend>{t('search.filmIps')}</legend>
        <Placeholder shape="lines" count={4} />
      </fieldset>
    </>
  );
}

function PriceRange({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const [min, setMin] = useState(search.get('min') ?? '');
  const [max, setMax] = useState(search.get('max') ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(search);
    for (const [name, value] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    navigate(`/search?${next.toString()}`);
  };
  return (
    <form className="price-range" onSubmit={apply} aria-label={t('search.price')}>
      <label>
        {t('search.minPrice')}
        <input type="number" inputMode="decimal" min={0} value={min} onChange={(e) => setMin(e.target.value)} />
      </label>
      <label>
        {t('search.maxPrice')}
        <input type="number" inputMode="decimal" min={0} value={max} onChange={(e) => setMax(e.target.value)} />
      </label>
      <button type="submit" className="secondary">
        {t('search.applyPrice')}
      </button>
    </form>
  );
}
