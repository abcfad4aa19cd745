/** How the Postgres adapter turns a visitor's text into index lookups (also used by the bench's baseline). */

/** "Lotus lant-ern" → ["Lotus", "lant", "ern"]: the runs of letters or digits (at most 8), as typed (folded in SQL). */
export function queryWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
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
