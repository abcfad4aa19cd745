import { inflateSync } from 'node:zlib';

/**
 * Just enough of PDF to read back what pdfkit wrote: inflates the streams, maps each font resource to its
 * ToUnicode CMap (embedded fonts write glyph ids, not characters), and decodes every TJ/Tj string in page order.
 * Returns one string per text-showing operation. Not a general PDF parser.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (const m of raw.matchAll(objectPattern)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + 'stream'.length;
    if (body[start] === '\r') start += 1;
    if (body[start] === '\n') start += 1;
    const end = body.lastIndexOf('endstream');
    const bytes = Buffer.from(body.slice(start, end), 'latin1');
    const data = /\/FlateDecode/.test(dict) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    objects.set(m[1]!, { dict, stream: data });
  }

  const cmapOf = (fontObj: string): Map<number, string> | null => {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? '');
    const cmap = ref ? objects.get(ref[1]!)?.stream : null;
    if (!cmap) return null;
    const map = new Map<number, string>();
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
      const first = parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, i) => {
        const units = entry[1]!
          .trim()
          .split(/\s+/)
          .map((h) => parseInt(h, 16));
        map.set(first + i, String.fromCharCode(...units));
      });
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string> | null>();
  for (const { dict } of objects.values()) {
    const block = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!block) continue;
    for (const f of block[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1]!, cmapOf(f[2]!));
  }

  const runs: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/Subtype|\/Type \/XObject|begincmap/.test(dict + stream.slice(0, 200))) continue;
    let font: Map<number, string> | null = null;
    for (const op of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? null;
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      let text = '';
      for (const hex of hexes) {
        if (font) {
          for (let i = 0; i + 4 <= hex.length; i += 4) text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
        } else {
          text += Buffer.from(hex, 'hex').toString('latin1');
        }
      }
      runs.push(text);
    }
  }
  return runs;
}
