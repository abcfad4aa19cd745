import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  size: number;
}

/** `<sha256 hex>.webp`: public renditions, the only keys GET /media/:key looks up. */
export const MEDIA_KEY = /^[0-9a-f]{64}\.webp$/;

/**
 * `p-<sha256 hex>.webp|pdf`: private files (brand assets), which GET /media/:key never serves (the `p-` prefix fails
 * MEDIA_KEY); only their owner's signed routes read them.
 */
export const PRIVATE_MEDIA_KEY = /^p-[0-9a-f]{64}\.(webp|pdf)$/;

/** Every key the storage holds: the guard against paths in both adapters. */
export function isStoredKey(key: string): boolean {
  return MEDIA_KEY.test(key) || PRIVATE_MEDIA_KEY.test(key);
}

/**
 * Where rendition bytes live, by content address. `put` of a key that exists is harmless (same key, same bytes),
 * so uploads need no coordination; nothing here deletes, because a key may be named by many media rows.
 */
export abstract class MediaStorage {
  /** Where, for logs and the start-up line: a directory or s3://bucket/prefix. Never a secret. */
  abstract readonly location: string;
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or null when no object has that key. */
  abstract get(key: string): Promise<StoredObject | null>;
}
