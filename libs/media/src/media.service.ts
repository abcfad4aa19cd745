import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { contentKey, MAX_UPLOAD_BYTES, processImage, RENDITION_NAMES } from './image-processing';
import { MediaException } from './media.exception';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaStorage, StoredObject } from './media-storage.port';
import { MediaImage } from './media.types';
import { uploadingOrganization } from './media.policy';

const WEBP = 'image/webp';
const PDF = 'application/pdf';

/** A PDF by its content: the `%PDF-1.x` header and an end-of-file marker in its last kilobyte. */
export function looksLikePdf(bytes: Buffer): boolean {
  return (
    bytes.length > 16 &&
    /^%PDF-[12]\.\d/.test(bytes.toString('latin1', 0, 8)) &&
    bytes.toString('latin1', Math.max(0, bytes.length - 1024)).includes('%%EOF')
  );
}

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
    // Only public uploads (always images) become a MediaImage; summaries() leaves private ones out.
    width: m.width ?? 0,
    height: m.height ?? 0,
  };
}

/** What other contexts may know of an upload: who owns it, and its image. */
export interface MediaSummary {
  organizationId: string;
  image: MediaImage;
}

/** A private upload as its owner's context knows it: whose it is, what it is, and nothing that serves it. */
export interface PrivateMediaSummary {
  id: string;
  organizationId: string;
  private: boolean;
  contentType: string;
}

/** A private file being read: its bytes and what they are. */
export interface PrivateFile extends StoredObject {
  contentType: string;
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
    const known = await this.repository.findUpload(owner, contentKey(bytes), false);
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
      private: false,
      contentType: WEBP,
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

  /**
   * A private upload (brand assets: official art, logos, style guides), never served by GET /media/:key. An image is
   * checked and re-encoded like any other (metadata dropped) and kept as its full rendition only; a PDF (a style
   * guide) is accepted here alone, recognised by its content, and kept as uploaded, since it is only ever downloaded
   * as an attachment by the parties its owner allows.
   */
  async uploadPrivate(actor: Actor, organizationId: string | undefined, bytes: Buffer): Promise<MediaEntity> {
    const owner = uploadingOrganization(actor, organizationId);
    const sourceSha256 = contentKey(bytes);
    const known = await this.repository.findUpload(owner, sourceSha256, true);
    if (known) return known;
    if (bytes.length > MAX_UPLOAD_BYTES)
      throw MediaException.refused('FILE_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    let stored: {
      key: string;
      bytes: Buffer;
      contentType: string;
      format: string;
      width: number | null;
      height: number | null;
    };
    if (looksLikePdf(bytes)) {
      stored = { key: `p-${sourceSha256}.pdf`, bytes, contentType: PDF, format: 'pdf', width: null, height: null };
    } else {
      if (bytes.toString('latin1', 0, 5) === '%PDF-')
        throw MediaException.refused('CORRUPT_IMAGE', 'The PDF is damaged or incomplete');
      const processed = await processImage(bytes);
      const full = processed.renditions.full;
      stored = {
        key: `p-${full.key}`,
        bytes: full.bytes,
        contentType: WEBP,
        format: processed.format,
        width: processed.width,
        height: processed.height,
      };
    }
    await this.storage.put(stored.key, stored.bytes, stored.contentType);
    const media = await this.repository.insertOnce({
      organizationId: owner,
      uploadedBy: actor.userId,
      sourceSha256,
      sourceFormat: stored.format,
      private: true,
      contentType: stored.contentType,
      width: stored.width,
      height: stored.height,
      fullKey: stored.key,
      cardKey: stored.key,
      thumbnailKey: stored.key,
      storedBytes: stored.bytes.length,
    });
    this.logger.log(
      { mediaId: media.id, organizationId: owner, format: stored.format, storedBytes: media.storedBytes },
      'Private file uploaded',
    );
    return media;
  }

  /** The public uploads with these ids (unknown and private ids are left out: a private file has no public URL). */
  async summaries(ids: readonly string[]): Promise<Map<string, MediaSummary>> {
    const rows = await this.repository.findByIds(ids);
    return new Map(
      rows.filter((m) => !m.private).map((m) => [m.id, { organizationId: m.organizationId, image: toMediaImage(m) }]),
    );
  }

  /**
   * The images of these public uploads, in the order given, when every one belongs to `organizationId`: what a record
   * shown to the public (key art, venue photos, a logo) may point at. Unknown and private ids are NOT_FOUND (a private
   * file has no public URL and never stands in for a public one), another organization's upload is FORBIDDEN, as for
   * product galleries.
   */
  async ownPublicImages(ids: readonly string[], organizationId: string): Promise<MediaImage[]> {
    const uploads = await this.summaries(ids);
    return ids.map((id) => {
      const upload = uploads.get(id);
      if (!upload) throw MediaException.notFound('Media', id);
      if (upload.organizationId !== organizationId)
        throw MediaException.forbidden('Only images the organization uploaded itself may be shown for it');
      return upload.image;
    });
  }

  /** Who owns an upload and whether it is private; null for an unknown id. */
  async describe(id: string): Promise<PrivateMediaSummary | null> {
    const [m] = await this.repository.findByIds([id]);
    return m ? { id: m.id, organizationId: m.organizationId, private: m.private, contentType: m.contentType } : null;
  }

  /** A private upload's file, for its owner's signed routes; null when the id is unknown or not private. */
  async openPrivate(id: string): Promise<PrivateFile | null> {
    const [m] = await this.repository.findByIds([id]);
    if (!m?.private) return null;
    const file = await this.storage.get(m.fullKey);
    return file ? { ...file, contentType: m.contentType } : null;
  }

  /** A stored rendition, for GET /media/:key: public, like the product pages that show it. */
  file(key: string): Promise<StoredObject | null> {
    return this.storage.get(key);
  }

  get storageLocation(): string {
    return this.storage.location;
  }
}
