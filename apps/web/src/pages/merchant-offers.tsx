import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';

export const OpenOffers = graphql(`
  query OpenOffers($first: Int) {
    licenseOffers(first: $first) {
      totalCount
      edges {
        node {
          id
          royaltyBps
          categories
          channels
          territory
          startsOn
          endsOn
          advance {
            amountMinor
            currency
          }
          minimumGuarantee {
            amountMinor
            currency
          }
          filmIp {
            id
            title
            titleZh
            year
            synopsis
          }
          studio {
            id
            name
            nameZh
          }
        }
      }
    }
  }
`);

const OfferStandings = graphql(`
  query OfferStandings($merchantId: ID!) {
    merchantOfferStandings(merchantId: $merchantId) {
      offerId
      standing
    }
  }
`);

const ApplyForLicense = graphql(`
  mutation ApplyForLicense($input: ApplyForLicenseInput!) {
    applyForLicense(input: $input) {
      id
      status
    }
  }
`);

export function MerchantOffersSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const offers = useQuery(OpenOffers, { first: 50 });
  const standings = useQuery(OfferStandings, { merchantId: merchant.id });
  const standingOf = (offerId: string) =>
    standings.data?.merchantOfferStandings.find((s) => s.offerId === offerId)?.standing;
  const apply = useMutation(ApplyForLicense);
  const [applying, setApplying] = useState<string | undefined>();
  const [pitch, setPitch] = useState('');
  const [applied, setApplied] = useState<string[]>([]);
  const submit = async (event: FormEvent, offerId: string) => {
    event.preventDefault();
    if (await apply.run({ input: { merchantId: merchant.id, offerId, pitch } })) {
      setApplied((ids) => [...ids, offerId]);
      setApplying(undefined);
    }
  };
  return (
    <div>
      <h2>{t('merchant.openOffers')}</h2>
      <QueryView state={offers} isEmpty={(d) => d.licenseOffers.edges.length === 0} empty={t('merchant.noOffers')}>
        {(d) => (
          <ul className="list cards">
            {d.licenseOffers.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="offer">
                <h3>
                  {pick(node.filmIp.titleZh, node.filmIp.title)}{' '}
                  {node.filmIp.year && <span className="muted">({node.filmIp.year})</span>}
                </h3>
                <p className="muted" data-testid="offer-studio">
                  {t('offer.studio')} {pick(node.studio.nameZh, node.studio.name)}
                </p>
                <p>
                  {t('offer.royalty')} {bpsToPercent(node.royaltyBps)} · {node.territory} · {node.startsOn} –{' '}
                  {node.endsOn}
                </p>
                {node.advance && (
                  <p>
                    {t('offer.advance')} {formatMoney(node.advance.amountMinor, node.advance.currency)}
                  </p>
                )}
                <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
                <p className="muted">
                  {t('offer.channels')}: {node.channels.map((c) => t(`channel.${c}`)).join(' · ')}
                </p>
                {standingOf(node.id) === 'HELD' ? (
                  <p className="success" data-testid="offer-standing">
                    {t('merchant.offerHeld')}
                  </p>
                ) : standingOf(node.id) === 'APPLIED' && !applied.includes(node.id) ? (
                  <p className="muted" data-testid="offer-standing">
                    {t('merchant.offerApplied')}
                  </p>
                ) : applied.includes(node.id) ? (
                  <p className="success" role="status">
                    {t('merchant.applied')}
                  </p>
                ) : applying === node.id ? (
                  <form className="form" onSubmit={(e) => submit(e, node.id)}>
                    <label>
                      {t('merchant.pitch')}
                      <textarea
                        value={pitch}
                        onChange={(e) => setPitch(e.target.value)}
                        required
                        rows={3}
                        maxLength={2000}
                      />
                    </label>
                    {apply.error && <ErrorMessage error={apply.error} />}
                    <div className="actions">
                      <button type="submit" disabled={apply.pending}>
                        {t('merchant.sendApplication')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setApplying(undefined)}>
                        {t('action.cancel')}
                      </button>
                    </div>
                  </form>
                ) : (
                  <button
                    type="button"
                    onClick={() => {
                      setApplying(node.id);
                      setPitch('');
                      apply.clearError();
                    }}
                  >
                    {t('merchant.apply')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
