import { createHash } from 'node:crypto';
// Types only: sharp (libvips, about 20 MB resident) is loaded on the first upload, not at start (#18).
import type { Metadata, SharpOptions } from 'sharp';
import { MediaException, MediaRefusal } from './media.exception';

/** The formats accepted, by their magic bytes: what the file is, whatever its name or declared type says. */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** At most 10 MB per upload (the contract's limit); the HTTP layer refuses more before it is buffered. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * At most 50 megapixels (8660 × 5773, beyond any phone or product camera): a small file can declare a huge canvas
 * (a "decompression bomb"), and decoding one would take gigabytes of memory. Checked from the header before decoding,
 * and handed to sharp as `limitInputPixels` so the decoder refuses it too.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** The renditions every upload is re-encoded into, all WebP: the original bytes are never stored or served. */
export const RENDITIONS = {
  thumbnail: { width: 240, height: 240, fit: 'cover' },
  card: { width: 640, height: 640, fit: 'inside' },
  full: { width: 2048, height: 2048, fit: 'inside' },
} as const satisfies Record<string, { width: number; height: number; fit: 'cover' | 'inside' }>;

export type RenditionName = keyof typeof RENDITIONS;
export const RENDITION_NAMES = Object.keys(RENDITIONS) as RenditionName[];

export interface Rendition {
  /** Content address: `<SHA-256 of the encoded bytes>.webp`, so equal images share one stored object. */
  key: string;
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ProcessedImage {
  format: ImageFormat;
  /** SHA-256 of the upload as received, to recognise the same file uploaded again. */
  sourceSha256: string;
  /** The upright size of the original (after its EXIF orientation). */
  width: number;
  height: number;
  renditions: Record<RenditionName, Rendition>;
}

const SIGNATURES: { format: ImageFormat; matches: (b: Buffer) => boolean }[] = [
  { format: 'jpeg', matches: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    format: 'png',
    matches: (b) =>
      b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    format: 'webp',
    matches: (b) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
];

/** The format the bytes are, by their signature; undefined for anything else (SVG, HTML, GIF, PDF, ...). */
export function sniffImageFormat(bytes: Buffer): ImageFormat | undefined {
  return SIGNATURES.find((s) => s.matches(bytes))?.format;
}

export function contentKey(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function refuse(reason: MediaRefusal, message: string): never {
  throw MediaException.refused(reason, message);
}

/**
 * Checks an upload and re-encodes it: type by magic bytes (and the decoder must agree), size and pixel limits from
 * the header before any decoding, then a full decode (a truncated or corrupt file fails here) into WebP renditions.
 * sharp writes no metadata unless asked, so EXIF (GPS position, camera serial), XMP, IPTC and ICC profiles are all
 * dropped; the EXIF orientation is applied to the pixels first so the picture stays upright.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) refuse('EMPTY_FILE', 'The file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES)
    refuse('FILE_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  const format = sniffImageFormat(bytes);
  if (!format)
    refuse('UNSUPPORTED_TYPE', 'The file is not a JPEG, PNG or WebP image (checked by its content, not its name)');

  const { default: sharp } = await import('sharp');
  const options: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning', sequentialRead: true };
  let metadata: Metadata;
  try {
    // limitInputPixels: false here so an oversized header is reported as such, not as an unreadable file.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    refuse('CORRUPT_IMAGE', 'The image cannot be read: it is damaged or incomplete');
  }
  if (metadata.format !== format)
    refuse('UNSUPPORTED_TYPE', `The file starts like ${format} but does not decode as one`);
  const { width, height } = metadata;
  if (!width || !height) refuse('CORRUPT_IMAGE', 'The image has no size');
  if (width * height > MAX_INPUT_PIXELS) {
    refuse(
      'TOO_MANY_PIXELS',
      `The image is ${width} × ${height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted`,
    );
  }
  const upright = (metadata.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };

  const renditions = {} as Record<RenditionName, Rendition>;
  try {
    // One decode of the upload, to the largest rendition's pixels; the smaller ones are drawn from those.
    const full = RENDITIONS.full;
    const decoded = await sharp(bytes, options)
      .rotate()
      .resize({ width: full.width, height: full.height, fit: full.fit, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels };
    for (const name of RENDITION_NAMES) {
      const spec = RENDITIONS[name];
      const { data, info } = await sharp(decoded.data, { raw })
        .resize({ width: spec.width, height: spec.height, fit: spec.fit, withoutEnlargement: spec.fit === 'inside' })
        .webp({ quality: name === 'thumbnail' ? 75 : 82, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      renditions[name] = { key: `${contentKey(data)}.webp`, bytes: data, width: info.width, height: info.height };
    }
  } catch {
    refuse('CORRUPT_IMAGE', 'The image cannot be decoded: it is damaged or incomplete');
  }
  return { format, sourceSha256: contentKey(bytes), width: upright.width, height: upright.height, renditions };
}
