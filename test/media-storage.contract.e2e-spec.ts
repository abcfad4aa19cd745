import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { loadConfig } from '@chedun/config';
import { LocalDiskMediaStorage, MediaStorage, S3MediaStorage } from '@chedun/media';

/**
 * The MediaStorage port's contract, run against every adapter: the local disk always, S3 only when an S3-compatible
 * server is configured (MEDIA_S3_BUCKET and, for a server other than AWS, MEDIA_S3_ENDPOINT, with the
 * MEDIA_S3_* keys). No S3-compatible server can be installed from the registries this project uses, so without
 * that configuration the S3 adapter is NOT tested, and the run says so.
 */
function storageContract(name: string, make: () => { storage: MediaStorage; teardown: () => void }): void {
  describe(`MediaStorage contract: ${name}`, () => {
    let storage: MediaStorage;
    let teardown: () => void;
    beforeAll(() => ({ storage, teardown } = make()));
    afterAll(() => teardown());

    const keyOf = (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.webp`;

    it('gives back exactly the bytes put under a key, with their size', async () => {
      const bytes = Buffer.from(`rendition ${randomUUID()}`);
      await storage.put(keyOf(bytes), bytes, 'image/webp');
      const got = await storage.get(keyOf(bytes));
      expect(got?.size).toBe(bytes.length);
      expect(await text(got!.body)).toBe(bytes.toString());
    });

    it('treats a second put of the same key as done (content-addressed: same key, same bytes)', async () => {
      const bytes = Buffer.from(`twice ${randomUUID()}`);
      await Promise.all([
        storage.put(keyOf(bytes), bytes, 'image/webp'),
        storage.put(keyOf(bytes), bytes, 'image/webp'),
      ]);
      await storage.put(keyOf(bytes), bytes, 'image/webp');
      expect(await text((await storage.get(keyOf(bytes)))!.body)).toBe(bytes.toString());
    });

    it('answers null for a key it does not hold', async () => {
      expect(await storage.get(keyOf(Buffer.from(randomUUID())))).toBeNull();
    });

    it('refuses anything but a media key, so no path or prefix can be reached through it', async () => {
      for (const key of ['../../etc/passwd', 'a/b.webp', `${'0'.repeat(64)}.png`, '']) {
        await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(/Not a media key/);
        await expect(storage.get(key)).rejects.toThrow(/Not a media key/);
      }
    });
  });
}

storageContract('local disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chedun-media-'));
  return { storage: new LocalDiskMediaStorage(dir), teardown: () => rmSync(dir, { recursive: true, force: true }) };
});

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MEDIA_S3_')));
const s3 = loadConfig(env).media.s3;
if (s3) {
  storageContract(`S3 (${s3.endpoint ?? 'AWS'}, bucket ${s3.bucket})`, () => ({
    // A prefix of its own, so the run never touches objects the bucket already holds.
    storage: new S3MediaStorage({ ...s3, prefix: `${s3.prefix}contract-${Date.now()}/` }),
    teardown: () => undefined,
  }));
} else {
  process.stdout.write(
    'media storage contract: the S3 adapter is NOT tested in this run: no S3-compatible server is configured (set MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT, MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY to run it)\n',
  );
  describe.skip('MediaStorage contract: S3 (NOT tested: no S3-compatible server configured; set MEDIA_S3_BUCKET and MEDIA_S3_ENDPOINT)', () => {
    it('runs the shared contract against S3', () => undefined);
  });
}
