/**
 * What a shopper chooses a variant by. A variant's own label (its option values, e.g. "M / 黑色") wins once the API
 * gives one; until then the part of its SKU that tells it from its siblings, the segments all of them share left out:
 * `TEE-S-BLK`, `TEE-M-BLK`, `TEE-M-WHT` read "S / BLK", "M / BLK", "M / WHT". A product with one variant needs no
 * choice: its label is empty.
 */
export function variantLabels(variants: readonly { sku: string; label?: string | null }[]): string[] {
  if (variants.length <= 1) return variants.map((v) => v.label ?? '');
  const segments = variants.map((v) => v.sku.split(/[-_./\s]+/).filter(Boolean));
  const shared = (at: (parts: string[]) => string | undefined) => {
    const first = at(segments[0]!);
    return first !== undefined && segments.every((parts) => parts.length > 1 && at(parts) === first);
  };
  let head = 0;
  while (shared((parts) => parts[head]) && head < Math.min(...segments.map((p) => p.length)) - 1) head++;
  let tail = 0;
  while (
    shared((parts) => parts[parts.length - 1 - tail]) &&
    head + tail < Math.min(...segments.map((p) => p.length)) - 1
  )
    tail++;
  return variants.map((v, i) => {
    if (v.label) return v.label;
    const own = segments[i]!.slice(head, segments[i]!.length - tail);
    return own.length > 0 ? own.join(' / ') : v.sku;
  });
}
