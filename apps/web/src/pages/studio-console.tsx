import { FormEvent, useState } from 'react';
import { ApproveOrRefuse } from '../components/decision';
import { OrganizationGate } from '../components/organization-picker';
import { ErrorMessage, QueryView } from '../components/states';
import { Tabs, useTab } from '../components/tabs';
import { graphql } from '../gql';
import type { LicenseApplicationStatus, ProductCategory } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { currencyOf, moneyInput } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { bpsToPercent, PRODUCT_CATEGORIES } from '../lib/vocabulary';
import { StudioApprovalsSection } from './studio-approvals';
import { StudioRoyaltiesSection } from './studio-royalties';

const StudioFilmIps = graphql(`
  query StudioFilmIps($studioId: ID!) {
    filmIps(studioId: $studioId, first: 50) {
      totalCount
      edges { node { id title titleZh year synopsis characters { name nameZh } } }
    }
  }
`);

const CreateFilmIp = graphql(`
  mutation CreateFilmIp($input: CreateFilmIpInput!) {
    createFilmIp(input: $input) { id }
  }
`);

const StudioOffers = graphql(`
  query StudioOffers($studioId: ID!) {
    studioLicenseOffers(studioId: $studioId, first: 50) {
      edges {
        node { id status royaltyBps categories territory startsOn endsOn advance { currency } minimumGuarantee { currency } filmIp { id title titleZh } }
      }
    }
  }
`);

const PublishOffer = graphql(`
  mutation PublishOffer($input: PublishLicenseOfferInput!) {
    publishLicenseOffer(input: $input) { id }
  }
`);

const CloseOffer = graphql(`
  mutation CloseOffer($id: ID!) {
    closeLicenseOffer(id: $id) { id status }
  }
`);

const IncomingApplications = graphql(`
  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {
    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {
      edges {
        node {
          id status pitch createdAt decisionReason merchantId
          offer { id royaltyBps filmIp { title titleZh } }
        }
      }
    }
  }
`);

const ApproveApplication = graphql(`
  mutation ApproveApplication($id: ID!) {
    approveLicenseApplication(id: $id) { id status }
  }
`);

const RejectApplication = graphql(`
  mutation RejectApplication($id: ID!, $reason: String!) {
    rejectLicenseApplication(id: $id, reason: $reason) { id status }
  }
`);

const StudioLicenses = graphql(`
  query StudioLicenses($studioId: ID!) {
    studioLicenses(studioId: $studioId, first: 50) {
      edges {
        node { id status statusReason royaltyBps startsOn endsOn merchantId categories filmIp { title titleZh } }
      }
    }
  }
`);

const SuspendLicense = graphql(`
  mutation SuspendLicense($id: ID!, $reason: String!) {
    suspendLicense(id: $id, reason: $reason) { id status }
  }
`);

const ResumeLicense = graphql(`
  mutation ResumeLicense($id: ID!) {
    resumeLicense(id: $id) { id status }
  }
`);

const TABS = [
  { id: 'ip', label: 'studio.tab.ip' },
  { id: 'offers', label: 'studio.tab.offers' },
  { id: 'inbox', label: 'studio.tab.inbox' },
  { id: 'licenses', label: 'studio.tab.licenses' },
  { id: 'designs', label: 'studio.tab.designs' },
  { id: 'royalties', label: 'studio.tab.royalties' },
] as const;

export function StudioConsole() {
  const { t, pick } = useI18n();
  const tab = useTab(TABS.map((x) => x.id));
  return (
    <OrganizationGate kind="STUDIO" path="/studio">
      {(studio) => (
        <section>
          <h1>
            {t('studio.title')} · {pick(studio.nameZh, studio.name)}
          </h1>
          <Tabs tabs={TABS} current={tab} label={t('studio.title')} />
          {tab === 'ip' && <FilmIpSection studio={studio} />}
          {tab === 'offers' && <OffersSection studio={studio} />}
          {tab === 'inbox' && <InboxSection studio={studio} />}
          {tab === 'licenses' && <LicensesSection studio={studio} />}
          {tab === 'designs' && <StudioApprovalsSection studio={studio} />}
          {tab === 'royalties' && <StudioRoyaltiesSection studio={studio} />}
        </section>
      )}
    </OrganizationGate>
  );
}

function FilmIpSection({ studio }: { studio: Organization }) {
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
      input: { studioId: studio.id, title, titleZh: titleZh || null, year: year ? Number(year) : null, synopsis: synopsis || null },
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
                <li key={node.id} className="card">
                  <h3>
                    {pick(node.titleZh, node.title)} {node.year && <span className="muted">({node.year})</span>}
                  </h3>
                  {node.synopsis && <p>{node.synopsis}</p>}
                  {node.characters.length > 0 && (
                    <p className="muted">{node.characters.map((c) => pick(c.nameZh, c.name)).join(' · ')}</p>
                  )}
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
          <input type="number" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} min={1900} max={2100} />
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

function OffersSection({ studio }: { studio: Organization }) {
  const { t, pick } = useI18n();
  const offers = useQuery(StudioOffers, { studioId: studio.id });
  const ips = useQuery(StudioFilmIps, { studioId: studio.id });
  const publish = useMutation(PublishOffer);
  const close = useMutation(CloseOffer);
  const [filmIpId, setFilmIpId] = useState('');
  const [royaltyPercent, setRoyaltyPercent] = useState('10');
  const [categories, setCategories] = useState<ProductCategory[]>([]);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [territory, setTerritory] = useState('CN');
  const [advanceYuan, setAdvanceYuan] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenIp = filmIpId || ips.data?.filmIps.edges[0]?.node.id;
    // The studio's terms so far name the currency it licenses in; the API's default for a first offer.
    const currency = currencyOf(offers.data?.studioLicenseOffers.edges.flatMap((e) => [e.node.advance, e.node.minimumGuarantee]) ?? []);
    const advance = advanceYuan ? moneyInput(advanceYuan, currency) : null;
    if (!chosenIp || (advanceYuan && !advance)) return;
    const published = await publish.run({
      input: {
        filmIpId: chosenIp,
        royaltyBps: Math.round(Number(royaltyPercent) * 100),
        categories,
        startsOn,
        endsOn,
        territory,
        advance,
      },
    });
    if (published) {
      setCategories([]);
      offers.reload();
    }
  };
  const toggle = (category: ProductCategory) =>
    setCategories((current) => (current.includes(category) ? current.filter((c) => c !== category) : [...current, category]));
  return (
    <div className="grid-2">
      <div>
        <h2>{t('studio.myOffers')}</h2>
        {close.error && <ErrorMessage error={close.error} />}
        <QueryView state={offers} isEmpty={(d) => d.studioLicenseOffers.edges.length === 0} empty={t('studio.noOffers')}>
          {(d) => (
            <ul className="list">
              {d.studioLicenseOffers.edges.map(({ node }) => (
                <li key={node.id} className="card">
                  <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                  <p>
                    <span className={`badge badge-${node.status.toLowerCase()}`}>{t(`status.${node.status}`)}</span>{' '}
                    {t('offer.royalty')} {bpsToPercent(node.royaltyBps)} · {node.territory} · {node.startsOn} – {node.endsOn}
                  </p>
                  <p className="muted">{node.categories.map((c) => t(`category.${c}`)).join(' · ')}</p>
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
            <input value={territory} onChange={(e) => setTerritory(e.target.value.toUpperCase())} required pattern="[A-Z]{2}" maxLength={2} />
          </label>
          <label>
            {t('offer.advanceYuan')}
            <input type="number" inputMode="decimal" min={0} step="0.01" value={advanceYuan} onChange={(e) => setAdvanceYuan(e.target.value)} />
          </label>
        </div>
        {publish.error && <ErrorMessage error={publish.error} />}
        <button type="submit" disabled={publish.pending || !ips.data?.filmIps.edges.length}>
          {t('offer.publish')}
        </button>
      </form>
    </div>
  );
}

const INBOX_FILTERS: readonly LicenseApplicationStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

function InboxSection({ studio }: { studio: Organization }) {
  const { t, pick, formatDate } = useI18n();
  const [status, setStatus] = useState<LicenseApplicationStatus>('PENDING');
  const applications = useQuery(IncomingApplications, { studioId: studio.id, status });
  const approve = useMutation(ApproveApplication);
  const reject = useMutation(RejectApplication);
  return (
    <div>
      <h2>{t('studio.inbox')}</h2>
      <label className="inline">
        {t('application.filter')}
        <select value={status} onChange={(e) => setStatus(e.target.value as LicenseApplicationStatus)}>
          {INBOX_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {approve.error && <ErrorMessage error={approve.error} />}
      <QueryView
        state={applications}
        isEmpty={(d) => d.incomingLicenseApplications.edges.length === 0}
        empty={t('studio.noApplications')}
      >
        {(d) => (
          <ul className="list">
            {d.incomingLicenseApplications.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="application">
                <h3>{pick(node.offer.filmIp.titleZh, node.offer.filmIp.title)}</h3>
                <p>
                  <span className={`badge badge-${node.status.toLowerCase()}`}>{t(`status.${node.status}`)}</span>{' '}
                  {t('offer.royalty')} {bpsToPercent(node.offer.royaltyBps)} · {formatDate(node.createdAt)}
                </p>
                <blockquote>{node.pitch}</blockquote>
                <p className="muted">
                  {t('application.merchant')} {node.merchantId.slice(0, 8)}
                </p>
                {node.decisionReason && (
                  <p>
                    {t('application.reason')}: {node.decisionReason}
                  </p>
                )}
                {node.status === 'PENDING' && (
                  <ApproveOrRefuse
                    approve={{ label: t('application.approve'), pending: approve.pending, run: async () => (await approve.run({ id: node.id })) && applications.reload() }}
                    refuse={{
                      label: t('application.reject'),
                      reasonLabel: t('application.rejectReason'),
                      confirmLabel: t('application.confirmReject'),
                      maxLength: 1000,
                      pending: reject.pending,
                      error: reject.error,
                      onOpen: reject.clearError,
                      run: async (reason) => {
                        if (!(await reject.run({ id: node.id, reason }))) return false;
                        applications.reload();
                        return true;
                      },
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}

function LicensesSection({ studio }: { studio: Organization }) {
  const { t, pick } = useI18n();
  const licenses = useQuery(StudioLicenses, { studioId: studio.id });
  const suspend = useMutation(SuspendLicense);
  const resume = useMutation(ResumeLicense);
  return (
    <div>
      <h2>{t('studio.licenses')}</h2>
      {resume.error && <ErrorMessage error={resume.error} />}
      <QueryView state={licenses} isEmpty={(d) => d.studioLicenses.edges.length === 0} empty={t('studio.noLicenses')}>
        {(d) => (
          <ul className="list">
            {d.studioLicenses.edges.map(({ node }) => (
              <li key={node.id} className="card" data-testid="license">
                <h3>{pick(node.filmIp.titleZh, node.filmIp.title)}</h3>
                <p>
                  <span className={`badge badge-${node.status.toLowerCase()}`}>{t(`status.${node.status}`)}</span>{' '}
                  {bpsToPercent(node.royaltyBps)} · {node.startsOn} – {node.endsOn}
                </p>
                <p className="muted">
                  {t('application.merchant')} {node.merchantId.slice(0, 8)}
                  {node.statusReason && ` · ${node.statusReason}`}
                </p>
                {node.status === 'ACTIVE' && (
                  <ApproveOrRefuse
                    refuse={{
                      label: t('license.suspend'),
                      reasonLabel: t('license.suspendReason'),
                      confirmLabel: t('license.confirmSuspend'),
                      maxLength: 1000,
                      pending: suspend.pending,
                      error: suspend.error,
                      onOpen: suspend.clearError,
                      run: async (reason) => {
                        if (!(await suspend.run({ id: node.id, reason }))) return false;
                        licenses.reload();
                        return true;
                      },
                    }}
                  />
                )}
                {node.status === 'SUSPENDED' && (
                  <button
                    type="button"
                    disabled={resume.pending}
                    onClick={async () => (await resume.run({ id: node.id })) && licenses.reload()}
                  >
                    {t('license.resume')}
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
