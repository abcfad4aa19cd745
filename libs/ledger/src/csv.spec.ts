import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CopyTextToCrlfLines, csvField, formatMajorUnits, inlineParams } from './csv';

/** What COPY (FORMAT text) sends for one column of `csvLineSql`: each line, its \x01 end marker, LF; escapes for \ and controls. */
const COPY_OUTPUT = 'a,b\x01\n"x\\ny",\\\\z\x01\n中文,\\t\\r\\b\\f\\v\x01\n\x01\n';
const CSV = 'a,b\r\n"x\ny",\\z\r\n中文,\t\r\b\f\v\r\n\r\n';

async function transform(chunks: Buffer[]): Promise<string> {
  return text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(new CopyTextToCrlfLines()));
}

describe('CopyTextToCrlfLines', () => {
  const bytes = Buffer.from(COPY_OUTPUT);

  it('turns COPY text lines into CRLF CSV lines and undoes its escapes', async () => {
    expect(await transform([bytes])).toBe(CSV);
  });

  it('gives the same bytes wherever the stream is cut: a marker, an escape or a multi-byte character across chunks', async () => {
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      expect(await transform([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(CSV);
    }
    expect(await transform([...bytes].map((b) => Buffer.from([b])))).toBe(CSV);
  });
});

describe('inlineParams', () => {
  it('quotes each parameter as a literal and leaves $10 apart from $1', () => {
    const params = ["it's", new Date('2026-01-02T03:04:05.678Z'), 42, null, 'a', 'b', 'c', 'd', 'e', 'ten'];
    expect(inlineParams('SELECT $1, $2, $3, $4, $10::text', params)).toBe(
      "SELECT 'it''s', '2026-01-02T03:04:05.678Z', 42, NULL, 'ten'::text",
    );
    expect(inlineParams('SELECT $1', ['back\\slash'])).toBe("SELECT  E'back\\\\slash'");
  });

  it('refuses values it cannot write as a plain literal', () => {
    expect(() => inlineParams('SELECT $1', [{ a: 1 }])).toThrow(/not a string, date or number/);
    expect(() => inlineParams('SELECT $1', [Number.NaN])).toThrow();
    expect(() => inlineParams('SELECT $2', ['only one'])).toThrow();
  });
});

describe('formatMajorUnits', () => {
  it.each([
    ['zero', 0, '0.00'],
    ['a fen', 1, '0.01'],
    ['a refund of five fen', -5, '-0.05'],
    ['the demo October royalty', 3_528, '35.28'],
    ['a large sum', 123_456_789, '1234567.89'],
    ['minus a yuan', -100, '-1.00'],
  ])('%s: %d fen is %s yuan', (_name, minor, yuan) => {
    expect(formatMajorUnits(minor)).toBe(yuan);
  });

  it('is written as a number in a CSV, never defused like text starting with a minus', () => {
    expect(csvField({ major: -200 })).toBe('-2.00');
    expect(csvField('-2.00')).toBe("'-2.00");
  });
});
