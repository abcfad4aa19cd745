export { LicensingModule } from './licensing.module';
export { LicenseReader } from './license.reader';
export type { LicenseSnapshot } from './license.reader';
export { LicenseService } from './license.service';
export { LicenseOfferService } from './license-offer.service';
export { LicenseApplicationService } from './license-application.service';
export {
  LicenseApplicationStatus,
  licenseApplicationLifecycle,
  licenseLifecycle,
  LicenseOfferStatus,
  licenseOfferLifecycle,
} from './license-lifecycle';
export type { LicenseTermsDraft } from './license-terms';
