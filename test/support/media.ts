import { crc32, createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { TestApp } from './test-app';

export interface UploadAnswer {
  status: number;
  body: any;
}

/** POST /media as a browser's form does: one multipart field `file`, with the name and type the client claims. */
export async function upload(
  t: TestApp,
  bytes: Buffer,
  options: { token?: string; filename?: string; type?: string; field?: string; query?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/jpeg' }),
    options.filename ?? 'photo.jpg',
  );
  const res = await fetch(`${t.baseUrl}/media${options.query ?? ''}`, {
    method: 'POST',
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion to show
  }
  return { status: res.status, body };
}

/** A photo-like image (a gradient, so renditions differ in content), distinct per `seed`. */
export function photo(format: 'jpeg' | 'png' | 'webp', seed = 0, width = 1200, height = 800): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#${(0x204060 + seed * 0x10305).toString(16).slice(-6).padStart(6, '0')}"/><stop offset="1" stop-color="#e0c080"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${200 + seed * 7}" cy="300" r="150" fill="#ffffff"/></svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A complete, valid greyscale PNG of width × height black pixels, compressed to a few hundred kB: the classic
 * decompression bomb (20,000 × 20,000 is 400 MP, 400 MB once decoded). Written directly rather than by sharp, which
 * needs some 15 s to encode one; the rows are deflated as one stream, so the file is an honest image.
 */
export async function hugeBlankPng(width: number, height: number): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Row by row (filter byte 0, then zeros) into one deflate stream, so the 400 MB are never held at once.
  const row = Buffer.alloc(width + 1);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let y = 0; y < height; y += 1) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Gives a product a gallery as its merchant would: uploads one photo per seed (POST /media for the merchant's
 * organization), then setProductMedia with alt text in both languages. Before approval, so the studio approves it.
 */
export async function setGallery(
  t: TestApp,
  merchant: { token: string; organizationId?: string },
  productId: string,
  seeds: number[],
): Promise<{ id: string; url: string; cardUrl: string; thumbnailUrl: string }[]> {
  const images: { id: string; url: string; cardUrl: string; thumbnailUrl: string }[] = [];
  for (const seed of seeds) {
    const answer = await upload(t, await photo('jpeg', seed), {
      token: merchant.token,
      query: merchant.organizationId ? `?organizationId=${merchant.organizationId}` : '',
    });
    if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${JSON.stringify(answer.body)}`);
    images.push(answer.body);
  }
  const res = await t.gql(
    `mutation($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) { setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) { id } }`,
    {
      productId,
      mediaIds: images.map((i) => i.id),
      alt: images.map((i, n) => ({ mediaId: i.id, alt: `Photo ${n + 1}`, altZh: `照片${n + 1}` })),
    },
    merchant.token,
  );
  if (!res.data?.['setProductMedia']) throw new Error(`setProductMedia: ${JSON.stringify(res.errors)}`);
  return images;
}
