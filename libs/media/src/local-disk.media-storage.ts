import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isStoredKey, MediaStorage, StoredObject } from './media-storage.port';

/** The default: files under DATA_DIR/media, fanned out by the key's first two bytes so no directory grows huge. */
export class LocalDiskMediaStorage extends MediaStorage {
  readonly location: string;

  constructor(directory: string) {
    super();
    this.location = resolve(directory);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    if (await exists(path)) return;
    await mkdir(join(path, '..'), { recursive: true });
    // Written aside and renamed into place, so a reader never sees half a file and a crash leaves no torn one.
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      return { body: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(key: string): string {
    // The key patterns are the guard against paths: no separators, no dots but the extension.
    if (!isStoredKey(key)) throw new Error(`Not a media key: ${key.slice(0, 80)}`);
    return join(this.location, key.slice(0, 2), key.slice(2, 4), key);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
