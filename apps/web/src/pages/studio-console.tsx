import { OrganizationLogoSection } from '../components/organization-logo';
import { OrganizationGate } from '../components/organization-picker';
import { Tabs, useTab } from '../components/tabs';
import { useI18n } from '../lib/i18n';
import { StudioApprovalsSection } from './studio-approvals';
import { StudioFilmIpsSection } from './studio-film-ips';
import { StudioInboxSection } from './studio-inbox';
import { StudioLicensesSection } from './studio-licenses';
import { StudioOffersSection } from './studio-offers';
import { StudioRoyaltiesSection } from './studio-royalties';
import { StudioSalesReportsSection } from './studio-sales-reports';

const TABS = [
  { id: 'ip', label: 'studio.tab.ip' },
  { id: 'offers', label: 'studio.tab.offers' },
  { id: 'inbox', label: 'studio.tab.inbox' },
  { id: 'licenses', label: 'studio.tab.licenses' },
  { id: 'designs', label: 'studio.tab.designs' },
  { id: 'royalties', label: 'studio.tab.royalties' },
  { id: 'sales-reports', label: 'studio.tab.salesReports' },
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
          {tab === 'ip' && (
            <>
              <OrganizationLogoSection organizationId={studio.id} />
              <StudioFilmIpsSection studio={studio} />
            </>
          )}
          {tab === 'offers' && <StudioOffersSection studio={studio} />}
          {tab === 'inbox' && <StudioInboxSection studio={studio} />}
          {tab === 'licenses' && <StudioLicensesSection studio={studio} />}
          {tab === 'designs' && <StudioApprovalsSection studio={studio} />}
          {tab === 'royalties' && <StudioRoyaltiesSection studio={studio} />}
          {tab === 'sales-reports' && <StudioSalesReportsSection studio={studio} />}
        </section>
      )}
    </OrganizationGate>
  );
}
