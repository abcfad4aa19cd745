import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { contentKey, processImage, RENDITION_NAMES } from './image-processing';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaStorage, StoredObject } from './media-storage.port';
import { MediaImage } from './media.types';
import { uploadingOrganization } from './media.policy';

const WEBP = 'image/webp';

/** Where GET /media/:key serves a stored rendition. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

export function toMediaImage(m: MediaEntity): MediaImage {
  return {
    id: m.id,
    url: mediaUrl(m.fullKey),
    cardUrl: mediaUrl(m.cardKey),
    thumbnailUrl: mediaUrl(m.thumbnailKey),
    width: m.width,
    height: m.height,
  };
}

/** What other contexts may know of an upload: who owns it, and its image. */
export interface MediaSummary {
  organizationId: string;
  image: MediaImage;
}

@Injectable()
export class MediaService {
  private readonly logger = new Logger('Media');

  constructor(
    private readonly repository: MediaRepository,
    private readonly storage: MediaStorage,
  ) {}

  /**
   * Checks, re-encodes and stores one upload for the actor's organization. The renditions are stored before the row
   * that names them is written, so a row never points at a missing object (a crash in between leaves only unnamed,
   * content-addressed objects, which a later equal upload reuses).
   */
  async upload(actor: Actor, organizationId: string | undefined, bytes: Buffer): Promise<MediaEntity> {
    const owner = uploadingOrganization(actor, organizationId);
    // The same file again is the same media: it passed every check the first time.
    const known = await this.repository.findUpload(owner, contentKey(bytes));
    if (known) return known;
    const processed = await processImage(bytes);
    for (const name of RENDITION_NAMES) {
      const r = processed.renditions[name];
      await this.storage.put(r.key, r.bytes, WEBP);
    }
    const { full, card, thumbnail } = processed.renditions;
    const media = await this.repository.insertOnce({
      organizationId: owner,
      uploadedBy: actor.userId,
      sourceSha256: processed.sourceSha256,
      sourceFormat: processed.format,
      width: processed.width,
      height: processed.height,
      fullKey: full.key,
      cardKey: card.key,
      thumbnailKey: thumbnail.key,
      storedBytes: full.bytes.length + card.bytes.length + thumbnail.bytes.length,
    });
    this.logger.log(
      { mediaId: media.id, organizationId: owner, format: processed.format, storedBytes: media.storedBytes },
      'Image uploaded',
    );
    return media;
  }

  /** The uploads with these ids (unknown ids are left out). */
  async summaries(ids: readonly string[]): Promise<Map<string, MediaSummary>> {
    const rows = await this.repository.findByIds(ids);
    return new Map(rows.map((m) => [m.id, { organizationId: m.organizationId, image: toMediaImage(m) }]));
  }

  /** A stored rendition, for GET /media/:key: public, like the product pages that show it. */
  file(key: string): Promise<StoredObject | null> {
    return this.storage.get(key);
  }

  get storageLocation(): string {
    return this.storage.location;
  }
}
