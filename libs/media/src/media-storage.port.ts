import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  size: number;
}

/** `<sha256 hex>.webp`: the only keys the storage holds, and the only ones GET /media/:key looks up. */
export const MEDIA_KEY = /^[0-9a-f]{64}\.webp$/;

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
