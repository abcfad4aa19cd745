import { OrganizationLogoSection } from '../components/organization-logo';
import { OrganizationGate } from '../components/organization-picker';
import { Tabs, useTab } from '../components/tabs';
import { useI18n } from '../lib/i18n';
import { MerchantApplicationsSection } from './merchant-applications';
import { MerchantDeliverySection } from './merchant-delivery';
import { MerchantLicensesSection } from './merchant-licenses';
import { MerchantOffersSection } from './merchant-offers';
import { MerchantProductsSection } from './merchant-products';
import { MerchantOrdersSection } from './merchant-orders';
import { MerchantRefundsSection } from './merchant-refunds';
import { MerchantSalesSection } from './merchant-sales';
import { MerchantSalesReportsSection } from './merchant-sales-reports';
import { TicketRedemptionSection } from './merchant-tickets';

const TABS = [
  { id: 'offers', label: 'merchant.tab.offers' },
  { id: 'applications', label: 'merchant.tab.applications' },
  { id: 'licenses', label: 'merchant.tab.licenses' },
  { id: 'products', label: 'merchant.tab.products' },
  { id: 'orders', label: 'merchant.tab.orders' },
  { id: 'refunds', label: 'merchant.tab.refunds' },
  { id: 'tickets', label: 'merchant.tab.tickets' },
  { id: 'delivery', label: 'merchant.tab.delivery' },
  { id: 'sales', label: 'merchant.tab.sales' },
  { id: 'sales-reports', label: 'merchant.tab.salesReports' },
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
          {tab === 'offers' && (
            <>
              <OrganizationLogoSection organizationId={merchant.id} />
              <MerchantOffersSection merchant={merchant} />
            </>
          )}
          {tab === 'applications' && <MerchantApplicationsSection merchant={merchant} />}
          {tab === 'licenses' && <MerchantLicensesSection merchant={merchant} />}
          {tab === 'products' && <MerchantProductsSection merchant={merchant} />}
          {tab === 'orders' && <MerchantOrdersSection merchant={merchant} />}
          {tab === 'refunds' && <MerchantRefundsSection merchant={merchant} />}
          {tab === 'tickets' && <TicketRedemptionSection />}
          {tab === 'delivery' && <MerchantDeliverySection merchant={merchant} />}
          {tab === 'sales' && <MerchantSalesSection merchant={merchant} />}
          {tab === 'sales-reports' && <MerchantSalesReportsSection merchant={merchant} />}
        </section>
      )}
    </OrganizationGate>
  );
}
