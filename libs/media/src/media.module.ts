import { Module, OnModuleInit, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { IdentityModule } from '@chedun/identity';
import { LocalDiskMediaStorage } from './local-disk.media-storage';
import { MediaController } from './media.controller';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaStorage } from './media-storage.port';
import { S3MediaStorage } from './s3.media-storage';
import { OrganizationLogoEntity } from './organization-logo.entity';
import { OrganizationLogoRepository } from './organization-logo.repository';
import { OrganizationLogoResolver } from './organization-logo.resolver';
import { OrganizationLogoService } from './organization-logo.service';

/** Chosen by configuration like DATABASE_URL and MEILI_HOST: S3 when MEDIA_S3_BUCKET is set, else the local disk. */
export function mediaStorageFor(config: AppConfig): MediaStorage {
  return config.media.s3 ? new S3MediaStorage(config.media.s3) : new LocalDiskMediaStorage(config.media.localDir);
}

@Module({
  imports: [TypeOrmModule.forFeature([MediaEntity, OrganizationLogoEntity]), IdentityModule],
  controllers: [MediaController],
  providers: [
    { provide: MediaStorage, inject: [APP_CONFIG], useFactory: mediaStorageFor },
    MediaRepository,
    MediaService,
    OrganizationLogoRepository,
    OrganizationLogoService,
    OrganizationLogoResolver,
  ],
  exports: [MediaService],
})
export class MediaModule implements OnModuleInit {
  constructor(private readonly media: MediaService) {}

  onModuleInit(): void {
    new Logger('Media').log(`Images are stored in ${this.media.storageLocation}`);
  }
}
