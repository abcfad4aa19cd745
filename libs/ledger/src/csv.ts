import { Transform, TransformCallback } from 'node:stream';
import { escapeLiteral } from 'pg';

/** An amount in minor units to be written in major units (see `formatMajorUnits`): a number, never defused. */
export interface MajorUnits {
  major: number;
}

export type CsvValue = string | number | boolean | Date | MajorUnits | null | undefined;

const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]); // = + - @ tab CR
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 field; a leading = + - @ is defused so a spreadsheet never runs a product name as a formula. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !(value instanceof Date)) return formatMajorUnits(value.major);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.has(text.charCodeAt(0))) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** What a column holds, so that PostgreSQL can write it exactly as `csvField` writes the same JavaScript value. */
export type CsvColumn =
  /** Free text a person typed (names): defused and quoted as needed. */
  | { text: string }
  /** Values that never need quotes, written as PostgreSQL's text of them: ids, codes, integers, booleans. */
  | { plain: string }
  | { timestamp: string }
  /** An amount in minor units (fen), written in major units (yuan) with two decimals, as `formatMajorUnits` does. */
  | { major: string };

/**
 * Minor units as major units with two decimals (fen as yuan: 123456 → 1234.56, −5 → -0.05), for the people who read
 * a CSV beside the exact minor-unit columns. Every supported currency has two decimals.
 */
export function formatMajorUnits(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One SQL expression that renders a row as one CSV line (without its line end), field for field the same text as
 * `csvRow` of the same values: NULL is empty; ids, integers and booleans as JavaScript prints them; timestamps as
 * `toISOString()`; text defused (a leading = + - @ tab CR gets a ') and quoted when it holds " , CR or LF.
 * The database formats the export so that the API passes bytes on and never holds a row as objects (see streamCsv).
 */
export function csvLineSql(columns: readonly CsvColumn[]): string {
  // chr(1) marks the line's end for CopyTextToCrlfLines, which turns it into the CR of CRLF.
  return `concat_ws(',', ${columns.map(fieldSql).join(', ')}) || chr(1)`;
}

function fieldSql(column: CsvColumn): string {
  if ('plain' in column) return `coalesce((${column.plain})::text, '')`;
  if ('major' in column) {
    const v = `(${column.major})::bigint`;
    return `coalesce(CASE WHEN ${v} < 0 THEN '-' ELSE '' END || (abs(${v}) / 100)::text || '.' || lpad((abs(${v}) % 100)::text, 2, '0'), '')`;
  }
  if ('timestamp' in column)
    return `coalesce(to_char((${column.timestamp}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
  const t = `(${column.text})::text`;
  // The defusing ' never needs quotes itself, so whether to quote is a question about the original text.
  const defused = `CASE WHEN left(${t}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${t} ELSE ${t} END`;
  return `coalesce(CASE WHEN ${t} ~ E'[",\\r\\n]' THEN '"' || replace(${defused}, '"', '""') || '"' ELSE ${defused} END, '')`;
}

/**
 * COPY cannot take bind parameters, so they go into the statement as literals, quoted by `pg`'s own escapeLiteral.
 * Only the plain types the report queries use are accepted.
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)(?!\d)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === null) return 'NULL';
    if (typeof value === 'string') return escapeLiteral(value);
    if (value instanceof Date) return escapeLiteral(value.toISOString());
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new Error(`parameter $${n} of a COPY is ${typeof value}, not a string, date or number`);
  });
}

/**
 * COPY's text format, one column of `csvLineSql`, into CSV lines, in place: no byte is copied. Every row ends in the
 * line's end marker (\x01) and COPY's LF; the marker becomes CR, so lines end in CRLF (RFC 4180). The backslash
 * escapes COPY writes (\\ \b \f \n \r \t \v, rare: names with a tab or a line break) become their characters again,
 * which only shortens the chunk. UTF-8 never has the bytes of \ or LF inside a multi-byte character, so bytes can be
 * read one by one. A row's marker may end one chunk and its LF begin the next, so each chunk is held until the next
 * one has been seen; an escape may straddle chunks too.
 */
export class CopyTextToCrlfLines extends Transform {
  private held: Buffer | null = null;
  private escaped = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let length = chunk.length;
    if (this.escaped || chunk.includes(BACKSLASH)) {
      // An LF that an escape stands for is a line break inside a quoted field, not a row's end: only raw LFs end rows.
      length = 0;
      for (const byte of chunk) {
        if (this.escaped) {
          chunk[length++] = UNESCAPE[byte] ?? byte;
          this.escaped = false;
        } else if (byte === BACKSLASH) {
          this.escaped = true;
        } else {
          if (byte === LF) this.endRow(chunk, length);
          chunk[length++] = byte;
        }
      }
    } else {
      for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) this.endRow(chunk, at);
    }
    if (this.held) this.push(this.held);
    this.held = chunk.subarray(0, length);
    done();
  }

  /** The row's LF is at `at` in `chunk`: its marker, the byte before, becomes CR (in the held chunk if `at` is 0). */
  private endRow(chunk: Buffer, at: number): void {
    if (at > 0) chunk[at - 1] = CR;
    else if (this.held && this.held.length > 0) this.held[this.held.length - 1] = CR;
  }

  override _flush(done: TransformCallback): void {
    if (this.held) this.push(this.held);
    this.held = null;
    done();
  }
}

const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
const UNESCAPE: Record<number, number> = { 0x62: 0x08, 0x66: 0x0c, 0x6e: LF, 0x72: CR, 0x74: 0x09, 0x76: 0x0b };
