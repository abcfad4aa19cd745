import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { shanghaiDate } from '@chedun/kernel';
import { RoyaltyStatementEntity } from './royalty-statement.entity';

/** One frozen statement line as the PDF prints it. */
export interface StatementPdfLine {
  lineNo: number;
  kind: 'SALE' | 'REFUND' | 'REPORTED';
  occurredAt: Date;
  isAdjustment: boolean;
  unstatedEarlier: boolean;
  productName: string;
  productNameZh: string | null;
  merchantName: string;
  grossMinor: number;
  refundedMinor: number;
  royaltyMinor: number;
}

/** A line's kind as the PDF prints it: a reported line is a sale made in a shop and reported by the merchant. */
const STATEMENT_KIND_LABELS: Record<StatementPdfLine['kind'], string> = {
  SALE: 'Sale',
  REFUND: 'Refund',
  REPORTED: 'Reported',
};

/**
 * Noto Sans Hans (SIL OFL 1.1), shipped by the npm package @embedpdf/fonts-sc: a CJK font that covers GB2312 and
 * Latin, so Chinese product, merchant and studio names print as themselves. pdfkit embeds only the glyphs used.
 * Read once; the package exports no file paths, so the fonts folder is found beside its entry point.
 */
let cjkFont: Buffer | undefined;
function statementFont(): Buffer {
  cjkFont ??= readFileSync(
    join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf'),
  );
  return cjkFont;
}

/** 123456 → "1,234.56"; the four supported currencies all have two minor digits. */
export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const units = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${units}.${String(abs % 100).padStart(2, '0')}`;
}

const shanghaiTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const MARGIN = 36;
const ROW = 14;
const COLUMNS = [
  { key: 'no', title: '#', x: 36, width: 34, align: 'right' },
  { key: 'date', title: 'Date 日期', x: 76, width: 60, align: 'left' },
  { key: 'kind', title: 'Kind 类型', x: 140, width: 52, align: 'left' },
  { key: 'product', title: 'Product 商品', x: 196, width: 200, align: 'left' },
  { key: 'merchant', title: 'Merchant 商户', x: 400, width: 140, align: 'left' },
  { key: 'gross', title: 'Gross 销售额', x: 544, width: 82, align: 'right' },
  { key: 'refunded', title: 'Refunded 退款', x: 630, width: 82, align: 'right' },
  { key: 'royalty', title: 'Royalty 版税', x: 716, width: 89, align: 'right' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

/**
 * Renders an issued statement as an A4 landscape PDF a person would file: the frozen totals first (with advance
 * recouped, guarantee shortfall and amount due), then every line, page by page. Lines are pulled in batches and the
 * writer's backpressure is respected between batches, so a long statement never sits in memory whole.
 */
/** The interface language a download was asked in: it picks the product names (labels are printed in both). */
export type ReportLanguage = 'zh' | 'en';

export async function writeStatementPdf(
  statement: RoyaltyStatementEntity,
  batches: AsyncIterable<StatementPdfLine[]>,
  out: Writable,
  lang: ReportLanguage = 'zh',
): Promise<void> {
  // Loaded on the first statement PDF, not at start: pdfkit and its font tables cost about 20 MB resident (#18).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: {
      Title: `Royalty statement ${statement.periodMonth.slice(0, 7)} ${statement.studioName}`,
      Author: 'Chedun Market',
      Subject: statement.id,
    },
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.pipe(out, { end: false });
  doc.registerFont('cjk', statementFont());
  doc.font('cjk');

  const bottom = doc.page.height - MARGIN - ROW;
  let page = 1;
  const cell = (text: string, x: number, y: number, width: number, align: 'left' | 'right') => {
    doc.text(fit(doc, text, width), x, y, { width, align, lineBreak: false });
  };
  const pageHeader = () => {
    doc.fontSize(7.5).fillColor('#666666');
    cell(`Chedun Market · Royalty statement ${statement.id} · page ${page}`, MARGIN, MARGIN - 16, 769, 'left');
    doc.fillColor('#000000');
  };
  const tableHeader = (y: number) => {
    doc.fontSize(8).fillColor('#333333');
    for (const c of COLUMNS) cell(c.title, c.x, y, c.width, c.align);
    doc
      .moveTo(MARGIN, y + ROW - 3)
      .lineTo(doc.page.width - MARGIN, y + ROW - 3)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.fillColor('#000000');
    return y + ROW + 2;
  };

  pageHeader();
  doc.fontSize(18);
  cell('Royalty statement 版税结算单', MARGIN, MARGIN, 769, 'left');
  doc.fontSize(11);
  let y = MARGIN + 30;
  const facts: [string, string][] = [
    ['Studio 片方', statement.studioName],
    ['Period 结算期', `${statement.periodMonth.slice(0, 7)} (Asia/Shanghai)`],
    ['Currency 币种', statement.currency],
    [
      'Issued 出具时间',
      statement.issuedAt ? `${shanghaiTime.format(statement.issuedAt).replace(', ', ' ')} (Asia/Shanghai)` : '—',
    ],
    ['Statement 编号', statement.version > 1 ? `${statement.id} (version 版本 ${statement.version})` : statement.id],
  ];
  for (const [label, value] of facts) {
    cell(label, MARGIN, y, 130, 'left');
    cell(value, MARGIN + 135, y, 500, 'left');
    y += 16;
  }

  y += 8;
  const totals: [string, number][] = [
    ['Gross sales 销售总额', statement.grossMinor],
    ['Refunded 退款', statement.refundedMinor],
    ['Royalty 版税 (net of refunds, all lines)', statement.royaltyMinor],
    [
      'of which this month 其中本月 (= royalty report)',
      statement.royaltyMinor - statement.adjustmentsMinor - statement.unstatedEarlierMinor,
    ],
    ['of which earlier months never stated 其中此前未出账月份 †', statement.unstatedEarlierMinor],
    ['of which adjustments to stated periods 其中对已出账期间的调整 *', statement.adjustmentsMinor],
    ['Advance recouped 预付款抵扣', -statement.advanceRecoupedMinor],
    ['Minimum guarantee shortfall 保底差额', statement.guaranteeShortfallMinor],
    ...(statement.previouslyPaidMinor > 0
      ? ([['Paid on earlier versions 此前版本已付', -statement.previouslyPaidMinor]] as [string, number][])
      : []),
  ];
  for (const [label, value] of totals) {
    cell(label, MARGIN, y, 330, 'left');
    cell(`${formatMinor(value)} ${statement.currency}`, MARGIN + 335, y, 150, 'right');
    y += 16;
  }
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + 485, y)
    .lineWidth(0.8)
    .strokeColor('#000000')
    .stroke();
  y += 5;
  doc.fontSize(13);
  cell('Amount due 应付金额', MARGIN, y, 330, 'left');
  cell(`${formatMinor(statement.amountDueMinor)} ${statement.currency}`, MARGIN + 335, y, 150, 'right');
  y += 22;
  doc.fontSize(8).fillColor('#555555');
  cell(
    `${statement.lineCount} lines. * marks an adjustment: a sale or refund dated in an earlier, already stated period. ` +
      '† marks a sale or refund dated in an earlier month that had no statement of its own.',
    MARGIN,
    y,
    769,
    'left',
  );
  doc.fillColor('#000000');
  y = tableHeader(y + 18);

  for await (const batch of batches) {
    for (const line of batch) {
      if (y > bottom) {
        doc.addPage();
        page += 1;
        pageHeader();
        y = tableHeader(MARGIN);
      }
      doc.fontSize(8);
      const values: Record<ColumnKey, string> = {
        no: String(line.lineNo),
        date: shanghaiDate(line.occurredAt),
        kind: `${STATEMENT_KIND_LABELS[line.kind]}${line.isAdjustment ? ' *' : line.unstatedEarlier ? ' †' : ''}`,
        product: lang === 'zh' ? line.productNameZh || line.productName : line.productName,
        merchant: line.merchantName,
        gross: formatMinor(line.grossMinor),
        refunded: formatMinor(line.refundedMinor),
        royalty: formatMinor(line.royaltyMinor),
      };
      for (const c of COLUMNS) cell(values[c.key], c.x, y, c.width, c.align);
      y += ROW;
    }
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    if (out.destroyed) break;
  }
  doc.end();
  await ended;
}

/** Cuts text to the column's width with an ellipsis, so a long name never runs into the next column. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
