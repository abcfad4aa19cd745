import { QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';

const FilmIps = graphql(`
  query FilmIps {
    filmIps(first: 24) {
      totalCount
      edges { node { id title titleZh year synopsis filmingLocations { id nameEn nameZh } } }
    }
  }
`);

export function HomePage() {
  const { t, pick } = useI18n();
  const ips = useQuery(FilmIps);
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.tagline')}</p>
        <div className="actions">
          <Link className="button" to="/merchant">
            {t('nav.merchant')}
          </Link>
          <Link className="button secondary" to="/studio">
            {t('nav.studio')}
          </Link>
        </div>
      </section>
      <section>
        <h2>{t('home.filmIps')}</h2>
        <QueryView state={ips} isEmpty={(d) => d.filmIps.edges.length === 0} empty={t('home.noFilmIps')}>
          {(d) => (
            <ul className="list cards">
              {d.filmIps.edges.map(({ node }) => (
                <li key={node.id} className="card">
                  <h3>
                    {pick(node.titleZh, node.title)} {node.year && <span className="muted">({node.year})</span>}
                  </h3>
                  {node.synopsis && <p>{node.synopsis}</p>}
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
    </>
  );
}
