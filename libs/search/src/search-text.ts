/** How the Postgres adapter turns a visitor's text into index lookups (also used by the bench's baseline). */

/** "lotus lant" → "lotus:* & lant:*": each word of letters or digits as a prefix; other characters dropped. */
export function prefixTsQuery(text: string): string | null {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

/** Query grams matching `search_cjk_grams`: the bigrams of each CJK run, or the character of a one-character run. */
export function cjkGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const [run] of text.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
