/**
 * The merchant console's variant grid: the options a merchant defines (尺码 S/M/L × 颜色 黑/白) become one row per
 * combination, each with its own SKU, price and stock; checked before sending the same way the API checks.
 */

/** Most options and variants a product has (the API's MAX_VARIANT_OPTIONS and the variants' ArrayMaxSize). */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 50;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

/** An option as typed: its name and values in Chinese (first) and English; values as lists typed with commas. */
export interface OptionDraft {
  nameZh: string;
  name: string;
  valuesZh: string;
  values: string;
}

/** One value of one option, in both languages (English falls back to the Chinese when left empty). */
export interface OptionValue {
  name: string;
  nameZh: string;
  value: string;
  valueZh: string;
}

export interface Combination {
  /** Stable across edits of other rows: the values' Chinese, joined. */
  key: string;
  options: OptionValue[];
}

export interface VariantRow {
  sku: string;
  price: string;
  stock: string;
}

/** Commas (Chinese or Latin), the enumeration comma, slashes or spaces separate values. */
export function splitValues(text: string): string[] {
  return text
    .split(/[,，、/\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** What is wrong with the options as typed, as message keys with their parameters; [] when they make a grid. */
export function optionProblems(options: readonly OptionDraft[]): { key: string; params?: Record<string, string> }[] {
  const problems: { key: string; params?: Record<string, string> }[] = [];
  const names = new Set<string>();
  for (const o of options) {
    const label = o.nameZh.trim() || o.name.trim();
    if (!label) problems.push({ key: 'variants.optionNameMissing' });
    else if (names.has(label.toLowerCase())) problems.push({ key: 'variants.optionTwice', params: { option: label } });
    names.add(label.toLowerCase());
    const zh = splitValues(o.valuesZh);
    const en = splitValues(o.values);
    if (zh.length === 0) problems.push({ key: 'variants.valuesMissing', params: { option: label } });
    if (en.length > 0 && en.length !== zh.length)
      problems.push({ key: 'variants.valuesMismatch', params: { option: label } });
    if (new Set(zh.map((v) => v.toLowerCase())).size !== zh.length)
      problems.push({ key: 'variants.valueTwice', params: { option: label } });
  }
  return problems;
}

/** Every combination of the options' values, in the order typed (the first option varies slowest). */
export function combinations(options: readonly OptionDraft[]): Combination[] {
  let rows: Combination[] = [{ key: '', options: [] }];
  for (const o of options) {
    const zh = splitValues(o.valuesZh);
    const en = splitValues(o.values);
    const nameZh = o.nameZh.trim() || o.name.trim();
    const name = o.name.trim() || nameZh;
    rows = rows.flatMap((row) =>
      zh.map((valueZh, i) => ({
        key: row.key ? `${row.key} / ${valueZh}` : valueZh,
        options: [...row.options, { name, nameZh, value: en[i] ?? valueZh, valueZh }],
      })),
    );
  }
  return rows;
}

/** A SKU from a prefix and the combination's values (English where given, else the value's place in its option). */
export function suggestedSku(prefix: string, combination: Combination, options: readonly OptionDraft[]): string {
  const parts = combination.options.map((o, i) => {
    const latin = o.value.toUpperCase().replace(/[^A-Z0-9]+/g, '');
    return latin || String(splitValues(options[i]!.valuesZh).indexOf(o.valueZh) + 1);
  });
  return [
    prefix
      .trim()
      .toUpperCase()
      .replace(/[^A-Z0-9._\-/]+/g, '-'),
    ...parts,
  ]
    .filter(Boolean)
    .join('-')
    .slice(0, 64);
}

/** Problems of the rows as they stand: SKUs missing, malformed or used twice, prices or stock missing or invalid. */
export function rowProblems(
  keys: readonly string[],
  rows: Record<string, VariantRow | undefined>,
  isPrice: (text: string) => boolean,
): Map<string, ('sku' | 'skuFormat' | 'skuTwice' | 'price' | 'stock')[]> {
  const problems = new Map<string, ('sku' | 'skuFormat' | 'skuTwice' | 'price' | 'stock')[]>();
  const seen = new Map<string, number>();
  for (const key of keys) {
    const sku = rows[key]?.sku.trim().toUpperCase() ?? '';
    if (sku) seen.set(sku, (seen.get(sku) ?? 0) + 1);
  }
  for (const key of keys) {
    const row = rows[key] ?? { sku: '', price: '', stock: '' };
    const list: ('sku' | 'skuFormat' | 'skuTwice' | 'price' | 'stock')[] = [];
    const sku = row.sku.trim();
    if (!sku) list.push('sku');
    else if (!SKU.test(sku)) list.push('skuFormat');
    else if ((seen.get(sku.toUpperCase()) ?? 0) > 1) list.push('skuTwice');
    if (!isPrice(row.price)) list.push('price');
    if (!/^\d{1,8}$/.test(row.stock.trim())) list.push('stock');
    if (list.length > 0) problems.set(key, list);
  }
  return problems;
}
