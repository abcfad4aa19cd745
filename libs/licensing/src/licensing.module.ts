import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IpModule } from '@chedun/ip';
import { LicenseApplicationService } from './license-application.service';
import { LicenseExpiryJob } from './license-expiry.job';
import { LicenseOfferService } from './license-offer.service';
import { LicenseReader } from './license.reader';
import { LicenseService } from './license.service';
import { LicensingAuditService } from './licensing-audit.service';
import { LicenseApplicationEntity, LicenseEntity, LicenseOfferEntity, LicensingAuditEntryEntity } from './licensing.entity';
import { LicenseApplicationResolver } from './license-application.resolver';
import { LicenseOfferResolver } from './license-offer.resolver';
import { LicenseResolver } from './license.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([LicenseOfferEntity, LicenseApplicationEntity, LicenseEntity, LicensingAuditEntryEntity]),
    IpModule,
  ],
  providers: [
    LicensingAuditService,
    LicenseOfferService,
    LicenseApplicationService,
    LicenseService,
    LicenseReader,
    LicenseExpiryJob,
    LicenseOfferResolver,
    LicenseApplicationResolver,
    LicenseResolver,
  ],
  exports: [LicenseReader, LicenseService, LicenseOfferService, LicenseApplicationService],
})
export class LicensingModule {}
