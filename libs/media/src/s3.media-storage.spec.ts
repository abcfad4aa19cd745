import { createServer, type IncomingMessage, type Server } from 'node:http';
import { S3MediaStorage } from './s3.media-storage';

const KEY = `${'ab'.repeat(32)}.webp`;

/** Just enough of S3's REST API for one bucket: PUT and GET of objects, NoSuchKey for a missing one. */
function fakeS3(): Promise<{ server: Server; endpoint: string; objects: Map<string, Buffer> }> {
  const objects = new Map<string, Buffer>();
  const body = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    if (req.method === 'PUT') {
      void body(req).then((bytes) => {
        objects.set(path, bytes);
        res.writeHead(200, { etag: '"x"' }).end();
      });
      return;
    }
    const found = objects.get(path);
    if (!found) {
      res
        .writeHead(404, { 'content-type': 'application/xml' })
        .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/webp', 'content-length': String(found.length) }).end(found);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`, objects }),
    ),
  );
}

describe('S3MediaStorage (the SDK loaded on first use)', () => {
  it('writes and reads an object through the SDK it loads on the first call, and a missing one is null', async () => {
    const s3 = await fakeS3();
    try {
      const storage = new S3MediaStorage({
        bucket: 'media',
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
        prefix: 'shop/',
      });
      await storage.put(KEY, Buffer.from('webp bytes'), 'image/webp');
      expect([...s3.objects.keys()]).toEqual([`/media/shop/${KEY}`]);

      const stored = await storage.get(KEY);
      const chunks: Buffer[] = [];
      for await (const chunk of stored!.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('webp bytes');
      expect(stored!.size).toBe(10);

      expect(await storage.get(`${'cd'.repeat(32)}.webp`)).toBeNull();
    } finally {
      await new Promise((resolve) => s3.server.close(resolve));
    }
  });
});
