import { FormEvent, useState } from 'react';
import { OrganizationGate } from '../components/organization-picker';
import { ErrorMessage, QueryView } from '../components/states';
import { Tabs, useTab } from '../components/tabs';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent } from '../lib/vocabulary';
import { MerchantProductsSection } from './merchant-products';
import { MerchantOrdersSection } from './merchant-orders';
import { MerchantSalesSection } from './merchant-sales';
import { TicketRedemptionSection } from './merchant-tickets';

export const OpenOffers = graphql(`
  query OpenOffers($first: Int) {
    licenseOffers(first: $first) {
      totalCount
      edges {
        node {
          id royaltyBps categories territory startsOn endsOn
          advance { amountMinor currency }
          minimumGuarantee { amountMinor currency }
          filmIp { id title titleZh year synopsis }
        }
      }
    }
  }
`);

const ApplyForLicense = graphql(`
  mutation ApplyForLicense($input: ApplyForLicenseInput!) {
    applyForLicense(input: $input) { id status }
  }
`);

const MerchantApplications = graphql(`
  query MerchantApplications($merchantId: ID!) {
    merchantLicenseApplications(merchantId: $merchantId, first: 50) {
      edges {
        node { id status pitch createdAt decisionReason offer { id royaltyBps filmIp { title titleZh } } }
      }
    }
  }
`);

const WithdrawApplication = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawLicenseApplication(id: $id) { id status }
  }
`);

const MerchantLicenses = graphql(`
  query MerchantLicenses($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, first: 50) {
      edges {
        node { id status statusReason royaltyBps categories territory startsOn endsOn filmIp { title titleZh } }
      }
    }
  }
`);

const TABS = [
  { id: 'offers', label: 'merchant.tab.offers' },
  { id: 'applications', label: 'merchant.tab.applications' },
  { id: 'licenses', label: 'merchant.tab.licenses' },
  { id: 'products', label: 'merchant.tab.products' },
  { id: 'orders', label: 'merchant.tab.orders' },
  { id: 'tickets', label: 'merchant.tab.tickets' },
  { id: 'sales', label: 'merchant.tab.sales' },
] as const;

export function MerchantConsole() {
  const { t, pick } = useI18n();
  const tab = useTab(TABS.map((x) => x.id));
  return (
    <OrganizationGate kind="MERCHANT" path="/merchant">
      {(merchant) => (
        <section>
          <h1>
            {t('merchant.title')} · {pick(merchant.nameZh, merchant.name)}
          </h1>
          <Tabs tabs={TABS} current={tab} label={t('merchant.title')} />
          {tab === 'offers' && <OffersSection merchant={merchant} />}
          {tab === 'applications' && <ApplicationsSection merchant={merchant} />}
          {tab === 'licenses' && <LicensesSection merchant={merchant} />}
          {tab === 'products' && <MerchantProductsSection merchant={merchant} />}
          {tab === 'orders' && <MerchantOrdersSection merchant={merchant} />}
          {tab === 'tickets' && <TicketRedemptionSection />}
          {tab === 'sales' && <MerchantSalesSection merchant={merchant} />}
        </section>
      )}
    </OrganizationGate>
  );
}

function OffersSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const offers = useQuery(OpenOffers, { first: 50 });
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
                <p>
                  {t('offer.royalty')} {bpsToPercent(node.royaltyBps)} · {node.territory} · {node.startsOn} – {node.endsOn}
                </p>
                {node.advance && (
                  <p>
                    {t('offer.advance')} {formatMoney(node.advance.amountMinor, node.advance.currency)}
                  </p>
                )}
                <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
                {applied.includes(node.id) ? (
                  <p className="success" role="status">
                    {t('merchant.applied')}
                  </p>
                ) : applying === node.id ? (
                  <form className="form" onSubmit={(e) => submit(e, node.id)}>
                    <label>
                      {t('merchant.pitch')}
                      <textarea value={pitch} onChange={(e) => setPitch(e.target.value)} required rows={3} maxLength={2000} />
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

function ApplicationsSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatDate } = useI18n();
  const applications = useQuery(MerchantApplications, { merchantId: merchant.id });
  const withdraw = useMutation(WithdrawApplication);
  return (
    <div>
      <h2>{t('merchant.myApplications')}</h2>
      {withdraw.error && <ErrorMessage error={withdraw.error} />}
      <QueryView
        state={applications}
        isEmpty={(d) => d.merchantLicenseApplications.edges.length === 0}
        empty={t('merchant.noApplications')}
      >
        {(d) => (
          <ul className="list">
            {d.merchantLicenseApplications.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="application">
                <h3>{pick(node.offer.filmIp.titleZh, node.offer.filmIp.title)}</h3>
                <p>
                  <span className={`badge badge-${node.status.toLowerCase()}`}>{t(`status.${node.status}`)}</span>{' '}
                  {bpsToPercent(node.offer.royaltyBps)} · {formatDate(node.createdAt)}
                </p>
                <blockquote>{node.pitch}</blockquote>
                {node.decisionReason && (
                  <p>
                    {t('application.reason')}: {node.decisionReason}
                  </p>
                )}
                {node.status === 'PENDING' && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={withdraw.pending}
                    onClick={async () => (await withdraw.run({ id: node.id })) && applications.reload()}
                  >
                    {t('application.withdraw')}
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

function LicensesSection({ merchant }: { merchant: Organization }) {
  const { t, pick } = useI18n();
  const licenses = useQuery(MerchantLicenses, { merchantId: merchant.id });
  return (
    <div>
      <h2>{t('merchant.myLicenses')}</h2>
      <QueryView state={licenses} isEmpty={(d) => d.merchantLicenses.edges.length === 0} empty={t('merchant.noLicenses')}>
        {(d) => (
          <ul className="list">
            {d.merchantLicenses.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="license">
                <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                <p>
                  <span className={`badge badge-${node.status.toLowerCase()}`}>{t(`status.${node.status}`)}</span>{' '}
                  {bpsToPercent(node.royaltyBps)} · {node.territory} · {node.startsOn} – {node.endsOn}
                </p>
                <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
                {node.statusReason && <p>{node.statusReason}</p>}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
