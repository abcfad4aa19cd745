import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { encode } from 'uqr';

/** What one tag prints: the product's names, its verification code and the URL its QR opens. */
export interface TagSheetProduct {
  name: string;
  nameZh: string | null;
  verificationCode: string;
  verifyUrl: string;
}

/** Tags per sheet: 3 across and 4 down on A4, each about 6 × 7 cm, cut along the dashed lines. */
const COLUMNS = 3;
const ROWS = 4;
export const TAGS_PER_PAGE = COLUMNS * ROWS;
export const MAX_TAGS = 240;
const MARGIN = 28;

/** Noto Sans Hans (SIL OFL 1.1, @embedpdf/fonts-sc), as the statement PDF uses: Chinese names print as themselves. */
let cjkFont: Buffer | undefined;
function tagFont(): Buffer {
  cjkFont ??= readFileSync(
    join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf'),
  );
  return cjkFont;
}

/** The QR as filled squares (vector, so it prints sharp at any size), with the quiet zone the encoder includes. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const cell = size / data.length;
  doc.save().rect(x, y, size, size).fill('#ffffff');
  data.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }),
  );
  doc.fill('#000000').restore();
}

/**
 * A printable sheet of proof-of-license tags for one product: `count` tags, 12 to an A4 page, each with the QR of
 * the public verification page, the product's names and the code in text (for anyone whose phone cannot scan).
 */
export async function writeTagSheet(product: TagSheetProduct, count: number, out: Writable): Promise<void> {
  // Loaded on the first sheet, not at start, as the statement PDF does: pdfkit and its font tables cost about 20 MB
  // resident and 0.1 s of the start (#18).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Verification tags 防伪标签 · ${product.name}`, Author: 'Chedun Market' },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', tagFont());
  doc.font('cjk');
  const width = (doc.page.width - 2 * MARGIN) / COLUMNS;
  const height = (doc.page.height - 2 * MARGIN) / ROWS;
  const qr = Math.min(width, height) * 0.62;
  for (let i = 0; i < count; i += 1) {
    const slot = i % TAGS_PER_PAGE;
    if (i > 0 && slot === 0) doc.addPage();
    const x = MARGIN + (slot % COLUMNS) * width;
    const y = MARGIN + Math.floor(slot / COLUMNS) * height;
    doc.save().dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#999999').rect(x, y, width, height).stroke().restore();
    drawQr(doc, product.verifyUrl, x + (width - qr) / 2, y + 8, qr);
    let line = y + 12 + qr;
    const text = (value: string, size: number, color = '#000000') => {
      doc
        .fontSize(size)
        .fillColor(color)
        .text(value, x + 6, line, { width: width - 12, align: 'center', lineBreak: false, ellipsis: true });
      line += size + 3;
    };
    if (product.nameZh) text(product.nameZh, 10);
    text(product.name, 9);
    text(product.verificationCode, 8, '#333333');
    text('扫码验证正版授权 · Scan to verify', 7, '#555555');
  }
  doc.end();
  await done;
}
