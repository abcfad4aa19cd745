import { Identity1764040000000 } from './1764040000000-identity';
import { FilmIp1764100000000 } from './1764100000000-film-ip';
import { Licensing1764100000001 } from './1764100000001-licensing';
import { Catalog1764200000001 } from './1764200000001-catalog';
import { Search1764200000002 } from './1764200000002-search';
import { CatalogLicenseLinks1764200000003 } from './1764200000003-catalog-license-links';
import { ProductAudit1764200000004 } from './1764200000004-product-audit';
import { Payments1764300000001 } from './1764300000001-payments';
import { Orders1764400000001 } from './1764400000001-orders';
import { Ledger1764500000001 } from './1764500000001-ledger';
import { LicenseTerms1764500000002 } from './1764500000002-license-terms';
import { Payouts1764600000001 } from './1764600000001-payouts';
import { SearchCjkGrams1764700000001 } from './1764700000001-search-cjk-grams';
import { OrderRefundTasks1764800000001 } from './1764800000001-order-refund-tasks';
import { RefundRestock1764800000002 } from './1764800000002-refund-restock';
import { RateLimitsUnlogged1764840000001 } from './1764840000001-rate-limits-unlogged';
import { LedgerBalanceAtCommit1764900000001 } from './1764900000001-ledger-balance-at-commit';
import { EmailVerification1765000000101 } from './1765000000101-email-verification';
import { AccountNotifications1765000000102 } from './1765000000102-account-notifications';
import { AmountCeilings1765000000201 } from './1765000000201-amount-ceilings';
import { KnownLoginAddresses1765000000301 } from './1765000000301-known-login-addresses';
import { OrderLineSlotEnd1765000000401 } from './1765000000401-order-line-slot-end';
import { SearchVocabulary1765000000701 } from './1765000000701-search-vocabulary';
import { Media1765000000801 } from './1765000000801-media';
import { Delivery1765000000901 } from './1765000000901-delivery';
import { RefundRequests1765000001001 } from './1765000001001-refund-requests';
import { Reviews1765000001101 } from './1765000001101-reviews';
import { LicenseChannels1765000001201 } from './1765000001201-license-channels';
import { DesignRounds1765000002101 } from './1765000002101-design-rounds';
import { BrandAssets1765000002102 } from './1765000002102-brand-assets';
import { NotificationKinds1765000001301 } from './1765000001301-notification-kinds';
import { SalesReports1765000002001 } from './1765000002001-sales-reports';
import { FilmIpSynopsisZh1765000002401 } from './1765000002401-film-ip-synopsis-zh';
import { StatementVersions1765000002201 } from './1765000002201-statement-versions';
import { OrderLineNames1765000002202 } from './1765000002202-order-line-names';
import { VariantOptions1765000002301 } from './1765000002301-variant-options';
import { ShippingFeeRefunds1765000002701 } from './1765000002701-shipping-fee-refunds';
import { NotificationKindsDisputedRefunded1765000002801 } from './1765000002801-notification-kinds-disputed-refunded';
import { FilmIpKeyArt1765000002901 } from './1765000002901-film-ip-key-art';
import { VenuePhotos1765000002902 } from './1765000002902-venue-photos';
import { OrganizationLogos1765000002903 } from './1765000002903-organization-logos';
import { FilmIpsChanged1765000003301 } from './1765000003301-film-ips-changed';
import { ProductPagesChanged1765000003501 } from './1765000003501-product-pages-changed';

/** Every migration, oldest first. A landed migration is never edited; a change is a new file here. */
export const migrations = [
  Identity1764040000000,
  FilmIp1764100000000,
  Licensing1764100000001,
  Catalog1764200000001,
  Search1764200000002,
  CatalogLicenseLinks1764200000003,
  ProductAudit1764200000004,
  Payments1764300000001,
  Orders1764400000001,
  Ledger1764500000001,
  LicenseTerms1764500000002,
  Payouts1764600000001,
  SearchCjkGrams1764700000001,
  OrderRefundTasks1764800000001,
  RefundRestock1764800000002,
  RateLimitsUnlogged1764840000001,
  LedgerBalanceAtCommit1764900000001,
  EmailVerification1765000000101,
  AccountNotifications1765000000102,
  AmountCeilings1765000000201,
  KnownLoginAddresses1765000000301,
  OrderLineSlotEnd1765000000401,
  SearchVocabulary1765000000701,
  Media1765000000801,
  Delivery1765000000901,
  RefundRequests1765000001001,
  Reviews1765000001101,
  LicenseChannels1765000001201,
  NotificationKinds1765000001301,
  SalesReports1765000002001,
  DesignRounds1765000002101,
  BrandAssets1765000002102,
  StatementVersions1765000002201,
  OrderLineNames1765000002202,
  VariantOptions1765000002301,
  FilmIpSynopsisZh1765000002401,
  ShippingFeeRefunds1765000002701,
  NotificationKindsDisputedRefunded1765000002801,
  FilmIpKeyArt1765000002901,
  VenuePhotos1765000002902,
  OrganizationLogos1765000002903,
  FilmIpsChanged1765000003301,
  ProductPagesChanged1765000003501,
];
