import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { MediaImage, MediaService } from '@chedun/media';
import { DataSource } from 'typeorm';
import { CatalogException } from './catalog.exception';
import { VenueEntity } from './venue.entity';
import { VenuePhotoRepository } from './venue-photo.repository';
import { VenueRepository } from './venue.repository';

/**
 * Venue photos. Unlike a product's gallery they are not part of a licensed design, so changing them needs no studio
 * approval. Replacing them removes only the venue's rows: uploads and their shared files stay.
 */
@Injectable()
export class VenuePhotoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly media: MediaService,
    private readonly venues: VenueRepository,
    private readonly photos: VenuePhotoRepository,
  ) {}

  /** Owner or staff of the venue's merchant; anyone else is told there is no such venue, as updateVenue does. */
  setPhotos(actor: Actor, venueId: string, mediaIds: readonly string[]): Promise<VenueEntity> {
    return this.dataSource.transaction(async (manager) => {
      const venue = await this.venues.forManager(manager).lockById(venueId);
      if (!venue || !actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT))
        throw CatalogException.notFound('Venue', venueId);
      await this.media.ownPublicImages(mediaIds, venue.merchantId);
      await this.photos.forManager(manager).replace(venue.id, mediaIds);
      return venue;
    });
  }

  /** The photos of many venues (rows, then their uploads: two queries), in the order of `venueIds`. */
  async photosOf(venueIds: readonly string[]): Promise<MediaImage[][]> {
    const rows = await this.photos.photosOf(venueIds);
    const uploads = await this.media.summaries(rows.map((r) => r.mediaId));
    const byVenue = new Map<string, MediaImage[]>();
    for (const row of rows) {
      const upload = uploads.get(row.mediaId);
      if (!upload) continue;
      byVenue.set(row.venueId, [...(byVenue.get(row.venueId) ?? []), upload.image]);
    }
    return venueIds.map((id) => byVenue.get(id) ?? []);
  }
}
