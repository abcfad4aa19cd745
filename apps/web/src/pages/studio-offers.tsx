import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { ProductCategory, SalesChannel } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { currencyOf, moneyInput } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent, PRODUCT_CATEGORIES, SALES_CHANNELS } from '../lib/vocabulary';
import { StudioFilmIps } from './studio-film-ips';

const StudioOffers = graphql(`
  query StudioOffers($studioId: ID!) {
    studioLicenseOffers(studioId: $studioId, first: 50) {
      edges {
        node {
          id
          status
          royaltyBps
          categories
          channels
          territory
          startsOn
          endsOn
          advance {
            currency
          }
          minimumGuarantee {
            currency
          }
          filmIp {
            id
            title
            titleZh
          }
        }
      }
    }
  }
`);

const PublishOffer = graphql(`
  mutation PublishOffer($input: PublishLicenseOfferInput!) {
    publishLicenseOffer(input: $input) {
      id
    }
  }
`);

const CloseOffer = graphql(`
  mutation CloseOffer($id: ID!) {
    closeLicenseOffer(id: $id) {
      id
      status
    }
  }
`);

export function StudioOffersSection({ studio }: { studio: Organization }) {
  const { t, pick } = useI18n();
  const offers = useQuery(StudioOffers, { studioId: studio.id });
  const ips = useQuery(StudioFilmIps, { studioId: studio.id });
  const publish = useMutation(PublishOffer);
  const close = useMutation(CloseOffer);
  const [filmIpId, setFilmIpId] = useState('');
  const [royaltyPercent, setRoyaltyPercent] = useState('10');
  const [categories, setCategories] = useState<ProductCategory[]>([]);
  // All three by default, as the API assumes; a studio narrows them per offer.
  const [channels, setChannels] = useState<SalesChannel[]>([...SALES_CHANNELS]);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [territory, setTerritory] = useState('CN');
  const [advanceYuan, setAdvanceYuan] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenIp = filmIpId || ips.data?.filmIps.edges[0]?.node.id;
    // The studio's terms so far name the currency it licenses in; the API's default for a first offer.
    const currency = currencyOf(
      offers.data?.studioLicenseOffers.edges.flatMap((e) => [e.node.advance, e.node.minimumGuarantee]) ?? [],
    );
    const advance = advanceYuan ? moneyInput(advanceYuan, currency) : null;
    if (!chosenIp || (advanceYuan && !advance)) return;
    const published = await publish.run({
      input: {
        filmIpId: chosenIp,
        royaltyBps: Math.round(Number(royaltyPercent) * 100),
        categories,
        channels,
        startsOn,
        endsOn,
        territory,
        advance,
      },
    });
    if (published) {
      setCategories([]);
      setChannels([...SALES_CHANNELS]);
      offers.reload();
    }
  };
  const toggle = (category: ProductCategory) =>
    setCategories((current) =>
      current.includes(category) ? current.filter((c) => c !== category) : [...current, category],
    );
  const toggleChannel = (channel: SalesChannel) =>
    setChannels((current) =>
      current.includes(channel)
        ? current.filter((c) => c !== channel)
        : SALES_CHANNELS.filter((c) => c === channel || current.includes(c)),
    );
  return (
    <div className="grid-2">
      <div>
        <h2>{t('studio.myOffers')}</h2>
        {close.error && <ErrorMessage error={close.error} />}
        <QueryView
          state={offers}
          isEmpty={(d) => d.studioLicenseOffers.edges.length === 0}
          empty={t('studio.noOffers')}
        >
          {(d) => (
            <ul className="list">
              {d.studioLicenseOffers.edges.map(({ node }) => (
                <li key={node.id} className="card">
                  <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                  <p>
                    <StatusBadge vocabulary="status" status={node.status} /> {t('offer.royalty')}{' '}
                    {bpsToPercent(node.royaltyBps)} · {node.territory} · {node.startsOn} – {node.endsOn}
                  </p>
                  <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
                  <p className="muted">
                    {t('offer.channels')}: {node.channels.map((c) => t(`channel.${c}`)).join(' · ')}
                  </p>
                  {node.status === 'OPEN' && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={close.pending}
                      onClick={async () => (await close.run({ id: node.id })) && offers.reload()}
                    >
                      {t('offer.close')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </div>
      <form className="form card" onSubmit={submit} aria-labelledby="publish-offer">
        <h2 id="publish-offer">{t('studio.publishOffer')}</h2>
        <QueryView state={ips} isEmpty={(d) => d.filmIps.edges.length === 0} empty={t('studio.noIp')}>
          {(d) => (
            <label>
              {t('offer.filmIp')}
              <select value={filmIpId} onChange={(e) => setFilmIpId(e.target.value)} required={!d.filmIps.edges.length}>
                {d.filmIps.edges.map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {pick(node.titleZh, node.title)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </QueryView>
        <label>
          {t('offer.royaltyPercent')}
          <input
            type="number"
            inputMode="decimal"
            step="0.01"
            min={0}
            max={100}
            value={royaltyPercent}
            onChange={(e) => setRoyaltyPercent(e.target.value)}
            required
          />
        </label>
        <fieldset>
          <legend>{t('offer.categories')}</legend>
          <div className="checks">
            {PRODUCT_CATEGORIES.map((category) => (
              <label key={category} className="check">
                <input type="checkbox" checked={categories.includes(category)} onChange={() => toggle(category)} />
                {t(`category.${category}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('offer.channels')}</legend>
          <div className="checks">
            {SALES_CHANNELS.map((channel) => (
              <label key={channel} className="check">
                <input type="checkbox" checked={channels.includes(channel)} onChange={() => toggleChannel(channel)} />
                {t(`channel.${channel}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <label>
            {t('offer.startsOn')}
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
          </label>
          <label>
            {t('offer.endsOn')}
            <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} required />
          </label>
        </div>
        <div className="row">
          <label>
            {t('offer.territory')}
            <input
              value={territory}
              onChange={(e) => setTerritory(e.target.value.toUpperCase())}
              required
              pattern="[A-Z]{2}"
              maxLength={2}
            />
          </label>
          <label>
            {t('offer.advanceYuan')}
            <input
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={advanceYuan}
              onChange={(e) => setAdvanceYuan(e.target.value)}
            />
          </label>
        </div>
        {publish.error && <ErrorMessage error={publish.error} />}
        <button type="submit" disabled={publish.pending || !ips.data?.filmIps.edges.length || channels.length === 0}>
          {t('offer.publish')}
        </button>
      </form>
    </div>
  );
}
