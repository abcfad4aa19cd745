import sharp from 'sharp';
import { MAX_INPUT_PIXELS, processImage, sniffImageFormat } from './image-processing';
import { MediaException } from './media.exception';

const photo = (format: 'jpeg' | 'png' | 'webp', width = 900, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: '#b03a2e' } })
    .toFormat(format)
    .toBuffer();

async function refusal(bytes: Buffer): Promise<{ code: string; reason: unknown }> {
  try {
    await processImage(bytes);
  } catch (error) {
    if (error instanceof MediaException) return { code: error.code, reason: error.details['reason'] };
    throw error;
  }
  throw new Error('processImage accepted the file');
}

describe('sniffImageFormat', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('knows %s by its magic bytes', async (format) => {
    expect(sniffImageFormat(await photo(format))).toBe(format);
  });

  it.each([
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an HTML page', Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a RIFF file that is not WebP', Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_, bytes) => {
    expect(sniffImageFormat(bytes)).toBeUndefined();
  });
});

describe('processImage', () => {
  it('re-encodes every upload into three WebP renditions with content addresses', async () => {
    const out = await processImage(await photo('jpeg', 3000, 2000));
    expect(out).toMatchObject({ format: 'jpeg', width: 3000, height: 2000 });
    expect(out.renditions.full).toMatchObject({ width: 2048, height: 1365 });
    expect(out.renditions.card).toMatchObject({ width: 640, height: 427 });
    expect(out.renditions.thumbnail).toMatchObject({ width: 240, height: 240 });
    for (const r of Object.values(out.renditions)) {
      expect(sniffImageFormat(r.bytes)).toBe('webp');
      expect(r.key).toMatch(/^[0-9a-f]{64}\.webp$/);
    }
  });

  it('never enlarges a small image beyond its own size (except the square thumbnail)', async () => {
    const out = await processImage(await photo('png', 300, 200));
    expect(out.renditions.full).toMatchObject({ width: 300, height: 200 });
    expect(out.renditions.card).toMatchObject({ width: 300, height: 200 });
  });

  it('gives equal images equal keys, so stored files are shared', async () => {
    const bytes = await photo('webp');
    const [a, b] = [await processImage(bytes), await processImage(Buffer.from(bytes))];
    expect(a.renditions.full.key).toBe(b.renditions.full.key);
    expect(a.sourceSha256).toBe(b.sourceSha256);
  });

  it('drops EXIF (GPS position included), keeping the picture upright', async () => {
    const withGps = await sharp(await photo('jpeg', 600, 400))
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'PhoneMaker' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '31/1 1/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '121/1 13/1 0/1',
        },
      })
      .jpeg()
      .toBuffer();
    const source = await sharp(withGps).metadata();
    expect({ orientation: source.orientation, make: source.exif?.includes(Buffer.from('PhoneMaker')) }).toEqual({
      orientation: 6,
      make: true,
    });
    const out = await processImage(withGps);
    for (const r of Object.values(out.renditions)) {
      const meta = await sharp(r.bytes).metadata();
      expect({ exif: meta.exif, xmp: meta.xmp, icc: meta.icc, iptc: meta.iptc }).toEqual({
        exif: undefined,
        xmp: undefined,
        icc: undefined,
        iptc: undefined,
      });
      expect(r.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    }
    // Orientation 6 (rotate 90°) was applied to the pixels before the tag was dropped.
    expect(out.renditions.full).toMatchObject({ width: 400, height: 600 });
    expect(out).toMatchObject({ width: 400, height: 600 });
  });

  it('refuses a file that is not an image, whatever it claims', async () => {
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNSUPPORTED_TYPE',
    });
  });

  it('refuses a truncated image', async () => {
    const whole = await photo('jpeg', 800, 600);
    expect(await refusal(whole.subarray(0, whole.length >> 1))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CORRUPT_IMAGE',
    });
    const png = await photo('png', 800, 600);
    expect(await refusal(png.subarray(0, Math.floor(png.length * 0.6)))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CORRUPT_IMAGE',
    });
  });

  it('refuses a header that declares more pixels than the limit, before decoding', async () => {
    // A PNG whose header says 9000 × 9000 (81 MP): its pixel data is not even there, and need not be.
    const png = await photo('png', 10, 10);
    const patched = Buffer.from(png);
    patched.writeUInt32BE(9000, 16);
    patched.writeUInt32BE(9000, 20);
    expect(9000 * 9000).toBeGreaterThan(MAX_INPUT_PIXELS);
    expect(await refusal(patched)).toMatchObject({ reason: expect.stringMatching(/TOO_MANY_PIXELS|CORRUPT_IMAGE/) });
  });

  it('refuses an empty file', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 'BAD_USER_INPUT', reason: 'EMPTY_FILE' });
  });
});
