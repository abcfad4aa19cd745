import type ExcelJS from 'exceljs';

/** exceljs costs about 0.6 s and 28 MB to load: only a sheet upload or a template download pays it, not the start. */
async function excel(): Promise<typeof ExcelJS> {
  const { default: loaded } = await import('exceljs');
  return loaded;
}
import { Readable } from 'node:stream';
import { SalesChannel } from '@chedun/kernel';
import { MAX_REPORT_LINES, ReportLineDraft } from './sales-report-rules';
import { SalesReportsException } from './sales-reports.exception';

/** The sheet's columns: a person reads the Chinese, the parser finds each column by its key. */
export const SHEET_COLUMNS = [
  { key: 'product_id', header: '商品编号 product_id', width: 40 },
  { key: 'product_name', header: '商品名称 product_name (仅供参考 for reference)', width: 36 },
  { key: 'channel', header: '渠道 channel (VENUE 门店 / RETAIL 零售)', width: 30 },
  { key: 'quantity', header: '数量 quantity', width: 14 },
  { key: 'gross_yuan', header: '销售额（元）gross_yuan', width: 22 },
] as const;

type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

const CHANNEL_WORDS: Record<string, SalesChannel> = {
  VENUE: SalesChannel.VENUE,
  门店: SalesChannel.VENUE,
  自营门店: SalesChannel.VENUE,
  RETAIL: SalesChannel.RETAIL,
  零售: SalesChannel.RETAIL,
  其他商店: SalesChannel.RETAIL,
  ONLINE: SalesChannel.ONLINE,
};

export type SheetFormat = 'xlsx' | 'csv';

/** An .xlsx is a zip (it starts "PK\x03\x04"); anything else is read as CSV text. */
export function sheetFormat(file: Buffer, filename: string | undefined): SheetFormat {
  if (file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (filename && /\.xlsx$/i.test(filename))
    throw SalesReportsException.badInput('The .xlsx file cannot be read', { field: 'file' });
  return 'csv';
}

/**
 * The lines of an uploaded sheet (the first worksheet), each with its row number. Rows with no channel, quantity
 * and gross are skipped (the template lists every product; a merchant fills the ones it sold). A cell that is not a
 * number where one belongs becomes NaN, which the line checks report on its row.
 */
export async function readSalesSheet(file: Buffer, format: SheetFormat): Promise<ReportLineDraft[]> {
  const workbook = new (await excel()).Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    } else {
      // Cells stay text: the parser decides what a number is, not the CSV reader's guesses at dates.
      sheet = await workbook.csv.read(Readable.from([file.toString('utf8').replace(/^\uFEFF/, '')]), {
        map: (value: unknown) => value,
      });
    }
  } catch {
    throw SalesReportsException.badInput(`The ${format} file cannot be read`, { field: 'file' });
  }
  if (!sheet) throw SalesReportsException.badInput('The file has no worksheet', { field: 'file' });

  const columns = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    for (const c of SHEET_COLUMNS) if (text.includes(c.key)) columns.set(c.key, col);
  });
  const missing = SHEET_COLUMNS.filter((c) => c.key !== 'product_name' && !columns.has(c.key)).map((c) => c.key);
  if (missing.length > 0)
    throw SalesReportsException.badInput(`The first row must name the columns; missing: ${missing.join(', ')}`, {
      field: 'file',
      missing,
    });

  const lines: ReportLineDraft[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cell = (key: ColumnKey) => cellText(row.getCell(columns.get(key) ?? 0).value).trim();
    const [productId, channel, quantity, gross] = [
      cell('product_id'),
      cell('channel'),
      cell('quantity'),
      cell('gross_yuan'),
    ];
    if (!channel && !quantity && !gross) continue;
    if (lines.length >= MAX_REPORT_LINES)
      throw SalesReportsException.badInput(`At most ${MAX_REPORT_LINES} lines a report`, { field: 'file' });
    lines.push({
      row: r,
      productId,
      channel: CHANNEL_WORDS[channel.toUpperCase()] ?? (channel || '(empty)'),
      quantity: /^\d+$/.test(quantity) ? Number(quantity) : Number.NaN,
      grossMinor: yuanToFen(gross),
      currency: 'CNY',
    });
  }
  return lines;
}

/** The template: the columns, and one row per product the merchant may report (channel, quantity, gross to fill). */
export async function salesSheetTemplate(products: readonly { id: string; name: string; nameZh: string | null }[]) {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('销售报告 Sales report');
  sheet.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const p of products)
    sheet.addRow({ product_id: p.id, product_name: p.nameZh ? `${p.nameZh} ${p.name}` : p.name });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "128.5" or 128.5 yuan → 12850 fen; NaN unless a non-negative amount with at most two decimals. */
export function yuanToFen(text: string): number {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,¥￥\s]/g, ''));
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value * 100) ? String(value) : value.toFixed(6);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
