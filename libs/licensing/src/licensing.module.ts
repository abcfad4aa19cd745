import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@chedun/identity';
import { IpModule } from '@chedun/ip';
import { MediaModule } from '@chedun/media';
import { BrandAssetController } from './brand-asset.controller';
import { BrandAssetEntity } from './brand-asset.entity';
import { BrandAssetRepository } from './brand-asset.repository';
import { BrandAssetResolver } from './brand-asset.resolver';
import { BrandAssetService } from './brand-asset.service';
import { LicenseApplicationRepository } from './license-application.repository';
import { LicenseApplicationService } from './license-application.service';
import { LicenseExpiryJob } from './license-expiry.job';
import { LicenseOfferRepository } from './license-offer.repository';
import { LicenseOfferService } from './license-offer.service';
import { LicenseReader } from './license.reader';
import { LicenseRepository } from './license.repository';
import { LicenseService } from './license.service';
import { LicensingAuditRepository } from './licensing-audit.repository';
import { LicensingAuditService } from './licensing-audit.service';
import {
  LicenseApplicationEntity,
  LicenseEntity,
  LicenseOfferEntity,
  LicensingAuditEntryEntity,
} from './licensing.entity';
import { LicenseApplicationResolver } from './license-application.resolver';
import { LicenseOfferResolver } from './license-offer.resolver';
import { LicenseResolver } from './license.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      LicenseOfferEntity,
      LicenseApplicationEntity,
      LicenseEntity,
      LicensingAuditEntryEntity,
      BrandAssetEntity,
    ]),
    IpModule,
    IdentityModule,
    MediaModule,
  ],
  controllers: [BrandAssetController],
  providers: [
    BrandAssetRepository,
    BrandAssetService,
    BrandAssetResolver,
    LicenseOfferRepository,
    LicenseApplicationRepository,
    LicenseRepository,
    LicensingAuditRepository,
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
