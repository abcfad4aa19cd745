import { FormEvent, useState } from 'react';
import { BrandAssets } from '../components/brand-assets';
import { LazyDetails } from '../components/lazy-details';
import { SingleImageField } from '../components/single-image';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { request } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';

export const StudioFilmIps = graphql(`
  query StudioFilmIps($studioId: ID!) {
    filmIps(studioId: $studioId, first: 50) {
      totalCount
      edges {
        node {
          id
          title
          titleZh
          year
          synopsis
          keyArt {
            id
            thumbnailUrl
          }
          characters {
            name
            nameZh
          }
        }
      }
    }
  }
`);

const CreateFilmIp = graphql(`
  mutation CreateFilmIp($input: CreateFilmIpInput!) {
    createFilmIp(input: $input) {
      id
    }
  }
`);

const SetFilmIpKeyArt = graphql(`
  mutation SetFilmIpKeyArt($filmIpId: ID!, $mediaId: ID) {
    setFilmIpKeyArt(filmIpId: $filmIpId, mediaId: $mediaId) {
      id
    }
  }
`);

export function StudioFilmIpsSection({ studio }: { studio: Organization }) {
  const { t, pick } = useI18n();
  const ips = useQuery(StudioFilmIps, { studioId: studio.id });
  const create = useMutation(CreateFilmIp);
  const [title, setTitle] = useState('');
  const [titleZh, setTitleZh] = useState('');
  const [year, setYear] = useState('');
  const [synopsis, setSynopsis] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run({
      input: {
        studioId: studio.id,
        title,
        titleZh: titleZh || null,
        year: year ? Number(year) : null,
        synopsis: synopsis || null,
      },
    });
    if (created) {
      setTitle('');
      setTitleZh('');
      setYear('');
      setSynopsis('');
      ips.reload();
    }
  };
  return (
    <div className="grid-2">
      <div>
        <h2>{t('studio.myIp')}</h2>
        <QueryView state={ips} isEmpty={(d) => d.filmIps.edges.length === 0} empty={t('studio.noIp')}>
          {(d) => (
            <ul className="list">
              {d.filmIps.edges.map(({ node }) => (
                <li key={node.id} className="card" data-testid="film-ip">
                  <h3>
                    {pick(node.titleZh, node.title)} {node.year && <span className="muted">({node.year})</span>}
                  </h3>
                  {node.synopsis && <p>{node.synopsis}</p>}
                  {node.characters.length > 0 && (
                    <p className="muted">{node.characters.map((c) => pick(c.nameZh, c.name)).join(' · ')}</p>
                  )}
                  <SingleImageField
                    label={t('ip.keyArt')}
                    organizationId={studio.id}
                    image={node.keyArt}
                    onSave={async (mediaId) => {
                      await request(SetFilmIpKeyArt, { filmIpId: node.id, mediaId });
                      ips.reload();
                    }}
                  />
                  <LazyDetails summary={t('brand.title')}>
                    {() => <BrandAssets filmIpId={node.id} studioId={studio.id} />}
                  </LazyDetails>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </div>
      <form className="form card" onSubmit={submit} aria-labelledby="create-ip">
        <h2 id="create-ip">{t('studio.createIp')}</h2>
        <label>
          {t('ip.titleZh')}
          <input value={titleZh} onChange={(e) => setTitleZh(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('ip.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('ip.year')}
          <input
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            min={1900}
            max={2100}
          />
        </label>
        <label>
          {t('ip.synopsis')}
          <textarea value={synopsis} onChange={(e) => setSynopsis(e.target.value)} rows={3} maxLength={4000} />
        </label>
        {create.error && <ErrorMessage error={create.error} />}
        <button type="submit" disabled={create.pending}>
          {t('action.create')}
        </button>
      </form>
    </div>
  );
}
