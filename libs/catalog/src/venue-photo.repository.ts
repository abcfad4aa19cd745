import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { VenuePhotoEntity } from './venue-photo.entity';

/** The `venue_photos` table: each venue's photos, in order. */
@Injectable()
export class VenuePhotoRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): VenuePhotoRepository {
    return new VenuePhotoRepository(manager);
  }

  /** The photos of many venues in one query, each in order. */
  photosOf(venueIds: readonly string[]): Promise<VenuePhotoEntity[]> {
    if (venueIds.length === 0) return Promise.resolve([]);
    return this.manager.find(VenuePhotoEntity, {
      where: { venueId: In([...new Set(venueIds)]) },
      order: { venueId: 'ASC', position: 'ASC' },
    });
  }

  /** The venue's photos become `mediaIds`, in their order; the uploads themselves are not touched. */
  async replace(venueId: string, mediaIds: readonly string[]): Promise<void> {
    await this.manager.delete(VenuePhotoEntity, { venueId });
    if (mediaIds.length > 0)
      await this.manager.insert(
        VenuePhotoEntity,
        mediaIds.map((mediaId, position) => ({ venueId, mediaId, position })),
      );
  }
}
