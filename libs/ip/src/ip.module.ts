import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@chedun/identity';
import { MediaModule } from '@chedun/media';
import { FilmIpEntity, FilmIpFilmingLocationEntity, FilmingLocationEntity } from './film-ip.entity';
import { FilmIpReader } from './film-ip.reader';
import { FilmIpSummaryCache } from './film-ip-summary-cache';
import { FilmIpRepository } from './film-ip.repository';
import { FilmingLocationRepository } from './filming-location.repository';
import { FilmingLocationResolver, FilmIpResolver } from './film-ip.resolver';
import { FilmIpService } from './film-ip.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([FilmIpEntity, FilmingLocationEntity, FilmIpFilmingLocationEntity]),
    IdentityModule,
    MediaModule,
  ],
  providers: [
    FilmIpRepository,
    FilmingLocationRepository,
    FilmIpService,
    FilmIpReader,
    { provide: FilmIpSummaryCache, useFactory: () => new FilmIpSummaryCache() },
    FilmIpResolver,
    FilmingLocationResolver,
  ],
  exports: [FilmIpReader, FilmIpService],
})
export class IpModule {}
