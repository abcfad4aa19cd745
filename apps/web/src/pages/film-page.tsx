import { useEffect, useState } from 'react';
import { ProductCards } from '../components/product-card';
import { ErrorMessage, Placeholder, QueryView } from '../components/states';
import { graphql } from '../gql';
import type { FilmDetailQuery, SearchProductsQuery } from '../gql/graphql';
import { ApiError, request } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { SearchProducts } from './search-page';

const FilmDetail = graphql(`
  query FilmDetail($id: ID!) {
    filmIp(id: $id) {
      id
      title
      titleZh
      year
      synopsis
      synopsisZh
      artworkUrls
      keyArt {
        url
        cardUrl
        width
        height
      }
      studio {
        id
        name
        nameZh
        logo {
          id
          thumbnailUrl
        }
      }
      filmingLocations {
        id
        nameEn
        nameZh
        mapUrl
      }
    }
  }
`);

const PAGE = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Edge = SearchProductsQuery['searchProducts']['edges'][number];

/** What no film can be: a malformed id or one the API does not know. */
function FilmNotFound() {
  const { t } = useI18n();
  return (
    <section className="card narrow">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}

/**
 * A film's own page: its story in both languages, key art, studio, where it was filmed (each place with a map) and
 * every product sold under it, a page at a time. Films with nothing in the shop still have a page.
 */
export function FilmPage({ id }: { id: string }) {
  const valid = UUID.test(id);
  const film = useQuery(FilmDetail, { id }, { skip: !valid });
  if (!valid || film.error?.code === 'NOT_FOUND') return <FilmNotFound />;
  return (
    <QueryView state={film} placeholder={<FilmPlaceholder />}>
      {({ filmIp }) => <Film film={filmIp} />}
    </QueryView>
  );
}

/** The film's head as tall as it will be, so the products below do not move when it arrives. */
function FilmPlaceholder() {
  return (
    <article className="film">
      <div className="film-head">
        <div className="film-art skeleton" aria-hidden="true" />
        <Placeholder shape="lines" count={4} />
      </div>
    </article>
  );
}

/** The card and full renditions at the widths they have (the longer side is at most 640 and 2048 px). */
function keyArtSrcSet(art: { url: string; cardUrl: string; width: number; height: number }): string {
  const scale = (limit: number) => Math.round(art.width * Math.min(1, limit / Math.max(art.width, art.height)));
  return `${art.cardUrl} ${scale(640)}w, ${art.url} ${scale(2048)}w`;
}

function Film({ film }: { film: FilmDetailQuery['filmIp'] }) {
  const { t, pick, lang } = useI18n();
  const title = pick(film.titleZh, film.title);
  const products = useQuery(SearchProducts, { filter: { filmIpId: film.id }, sort: 'NEWEST', first: PAGE });
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | undefined>();
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  useEffect(() => setMore(undefined), [products.data]);
  useEffect(() => {
    document.title = `${title} · ${t('brand')}`;
  }, [title, t]);
  const firstCover = products.data?.searchProducts.edges.find((e) => e.node.cover)?.node.cover;
  // The studio's own key art first; artwork it hosts elsewhere, then the newest product's picture, stand in for it.
  const keyArt = film.keyArt?.cardUrl ?? film.artworkUrls[0] ?? firstCover?.cardUrl;
  // The other language's synopsis follows the chosen one, so a visitor reading either finds the story.
  const synopses = [lang === 'zh' ? film.synopsisZh : film.synopsis, lang === 'zh' ? film.synopsis : film.synopsisZh]
    .filter((s): s is string => Boolean(s))
    .filter((s, i, all) => all.indexOf(s) === i);
  const loadMore = async () => {
    const pageInfo = more ?? products.data?.searchProducts.pageInfo;
    if (!pageInfo?.endCursor) return;
    try {
      const page = await request(SearchProducts, {
        filter: { filmIpId: film.id },
        sort: 'NEWEST',
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
    <article className="film">
      <div className="film-head">
        {/* The art's box is fixed (CSS aspect ratio) whether the picture, the first product's or none is shown. */}
        {keyArt ? (
          <img
            className="film-art"
            src={keyArt}
            srcSet={film.keyArt ? keyArtSrcSet(film.keyArt) : undefined}
            sizes={film.keyArt ? '(max-width: 640px) 100vw, 20rem' : undefined}
            width={film.keyArt?.width ?? 640}
            height={film.keyArt?.height ?? 640}
            decoding="async"
            alt={title}
          />
        ) : (
          <div className="film-art" aria-hidden="true" />
        )}
        <div>
          <p className="eyebrow">{t('film.page')}</p>
          <h1>
            {title} {film.year && <span className="muted">({film.year})</span>}
          </h1>
          {film.titleZh && film.title !== film.titleZh && (
            <p className="muted" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
              {lang === 'zh' ? film.title : film.titleZh}
            </p>
          )}
          <p>
            {t('film.studio')}:{' '}
            {film.studio.logo && (
              <img className="org-logo" src={film.studio.logo.thumbnailUrl} width={24} height={24} alt="" />
            )}
            <strong>{pick(film.studio.nameZh, film.studio.name)}</strong>
          </p>
          {synopses.length > 0 && (
            <section aria-labelledby="film-synopsis">
              <h2 id="film-synopsis">{t('film.synopsis')}</h2>
              {synopses.map((s, i) => (
                <p
                  key={s}
                  className={i > 0 ? 'muted' : undefined}
                  lang={(i === 0) === (lang === 'zh') ? 'zh-CN' : 'en'}
                >
                  {s}
                </p>
              ))}
            </section>
          )}
        </div>
      </div>
      {film.filmingLocations.length > 0 && (
        <section aria-labelledby="film-locations">
          <h2 id="film-locations">{t('film.locations')}</h2>
          <ul className="list">
            {film.filmingLocations.map((l) => (
              <li key={l.id}>
                {pick(l.nameZh, l.nameEn)} ·{' '}
                <a href={l.mapUrl} target="_blank" rel="noopener noreferrer">
                  {t('film.openMap')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="film-products">
        <h2 id="film-products">{t('film.products')}</h2>
        <QueryView
          state={products}
          isEmpty={(d) => d.searchProducts.edges.length === 0}
          empty={t('film.noProducts')}
          placeholder={<Placeholder shape="cards" count={3} />}
        >
          {(d) => (
            <>
              <p className="muted">
                {t('search.count', { count: d.searchProducts.totalCount })} ·{' '}
                <Link to={`/search?ip=${encodeURIComponent(film.id)}`}>{t('film.allProducts')}</Link>
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
      </section>
    </article>
  );
}
