import { CatalogException } from './catalog.exception';
import { VariantOptionValue } from './product.entity';

/** What a merchant sends for one variant's options (GraphQL's VariantOptionInput). */
export interface VariantOptionsInput {
  options?: readonly { name: string; nameZh?: string | null; value: string; valueZh?: string | null }[] | null;
}

const key = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase();

/**
 * The options of each variant, checked as one product's grid: every variant names the same options in the same order
 * (or none does), no option twice on a variant, and no combination twice, so a shopper's choice of values always
 * leads to exactly one variant. Names and values compare without case or surrounding space.
 */
export function variantOptionsOf(variants: readonly VariantOptionsInput[]): VariantOptionValue[][] {
  const lists = variants.map((v) =>
    (v.options ?? []).map((o) => ({
      name: o.name.trim(),
      nameZh: o.nameZh?.trim() || null,
      value: o.value.trim(),
      valueZh: o.valueZh?.trim() || null,
    })),
  );
  const shape = (list: VariantOptionValue[]) => list.map((o) => `${key(o.name)}\u0000${key(o.nameZh)}`).join('\u0001');
  const first = lists[0] ?? [];
  const names = first.map((o) => key(o.name));
  if (new Set(names).size !== names.length) {
    throw CatalogException.badInput('An option is named once per variant', { field: 'variants.0.options' });
  }
  const seen = new Set<string>();
  for (const [i, list] of lists.entries()) {
    if (shape(list) !== shape(first)) {
      throw CatalogException.badInput('Every variant names the same options in the same order', {
        field: `variants.${i}.options`,
      });
    }
    if (list.length === 0) continue;
    const combination = list.map((o) => `${key(o.value)}\u0000${key(o.valueZh)}`).join('\u0001');
    if (seen.has(combination)) {
      throw CatalogException.badInput('Each combination of option values is one variant', {
        field: `variants.${i}.options`,
      });
    }
    seen.add(combination);
  }
  return lists;
}
