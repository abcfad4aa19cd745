import { FormEvent, useState } from 'react';
import { ErrorMessage, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { moneyInput } from '../lib/money';
import type { Organization } from '../lib/use-me';
import { useMutation } from '../lib/use-query';
import {
  combinations,
  MAX_OPTIONS,
  MAX_VARIANTS,
  OptionDraft,
  optionProblems,
  rowProblems,
  suggestedSku,
  VariantRow,
} from '../lib/variant-grid';
import { ProductBasicsFields, useProductBasics } from './merchant-product-basics';
import { GalleryEditor, GalleryItem, galleryVariables, useSetProductMedia } from './merchant-product-media';

const CreateMerchandise = graphql(`
  mutation CreateMerchandise($input: CreateMerchandiseInput!) {
    createMerchandise(input: $input) {
      id
      status
    }
  }
`);

const EMPTY_ROW: VariantRow = { sku: '', price: '', stock: '10' };

/**
 * A new merchandise design, Chinese first: license and category, names, options (尺码 S/M/L × 颜色 黑/白) that become
 * a grid of variants each with its own SKU, price and stock (with a fill-all row), and the gallery. Everything is
 * checked here first, as the API checks it, so the merchant sees every problem at once beside its field.
 */
export function CreateMerchandiseForm({
  merchant,
  currency,
  onCreated,
}: {
  merchant: Organization;
  currency: string;
  onCreated(): void;
}) {
  const { t, pick } = useI18n();
  const basics = useProductBasics(merchant.id);
  const { licenses, license, nameMissing } = basics;
  const create = useMutation(CreateMerchandise);
  const setMedia = useSetProductMedia();
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [rows, setRows] = useState<Record<string, VariantRow>>({});
  const [fill, setFill] = useState({ prefix: '', price: '', stock: '10' });
  const [gallery, setGallery] = useState<GalleryItem[]>([]);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState('');

  const grid = optionProblems(options).length === 0 ? combinations(options) : [];
  const keys = grid.map((c) => c.key);
  const isPrice = (text: string) => (moneyInput(text, currency)?.amountMinor ?? 0) > 0;
  const problems = rowProblems(keys, rows, isPrice);
  const optionErrors = optionProblems(options);
  const tooMany = grid.length > MAX_VARIANTS;
  const rowOf = (key: string) => rows[key] ?? EMPTY_ROW;
  const setRow = (key: string, change: Partial<VariantRow>) =>
    setRows((r) => ({ ...r, [key]: { ...(r[key] ?? EMPTY_ROW), ...change } }));
  const setOption = (i: number, change: Partial<OptionDraft>) =>
    setOptions((list) => list.map((o, j) => (j === i ? { ...o, ...change } : o)));

  const fillAll = () =>
    setRows((r) => {
      const next = { ...r };
      for (const c of grid) {
        const row = next[c.key] ?? EMPTY_ROW;
        next[c.key] = {
          sku: fill.prefix.trim() ? suggestedSku(fill.prefix, c, options) : row.sku,
          price: fill.price.trim() ? fill.price.trim() : row.price,
          stock: fill.stock.trim() ? fill.stock.trim() : row.stock,
        };
      }
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setCreated('');
    if (!license || nameMissing || optionErrors.length > 0 || tooMany || problems.size > 0 || grid.length === 0) return;
    const product = await create.run({
      input: {
        licenseId: license.id,
        category: basics.category!,
        ...basics.input(),
        variants: grid.map((c) => ({
          sku: rowOf(c.key).sku.trim(),
          price: moneyInput(rowOf(c.key).price, currency)!,
          stock: Number(rowOf(c.key).stock),
          options: c.options.map((o) => ({
            name: o.name,
            nameZh: o.nameZh || null,
            value: o.value,
            valueZh: o.valueZh || null,
          })),
        })),
      },
    });
    if (!product) return;
    if (gallery.length > 0 && !(await setMedia.run(galleryVariables(product.createMerchandise.id, gallery)))) return;
    basics.clear();
    setOptions([]);
    setRows({});
    setGallery([]);
    setChecked(false);
    setCreated(pick(basics.nameZh, basics.name));
    onCreated();
  };

  /** Without options the one row reads like the plain form it replaces: SKU, price, stock on hand. */
  const single = { sku: 'SKU', price: t('products.priceYuan'), stock: t('products.stock') };
  const rowError = (key: string, field: 'sku' | 'price' | 'stock') => {
    if (!checked) return undefined;
    const list = problems.get(key) ?? [];
    if (field === 'sku') return list.find((p) => p === 'sku' || p === 'skuFormat' || p === 'skuTwice');
    return list.find((p) => p === field);
  };
  const summary = [
    ...(checked && nameMissing ? [t('products.nameMissing')] : []),
    ...optionErrors.map((p) => t(p.key as 'variants.optionNameMissing', p.params)),
    ...(tooMany ? [t('variants.tooMany', { count: grid.length, max: MAX_VARIANTS })] : []),
    ...(checked && problems.size > 0 ? [t('variants.rowsInvalid', { count: problems.size })] : []),
  ];

  return (
    <form className="form card" onSubmit={submit} aria-labelledby="create-product" noValidate>
      <h2 id="create-product">{t('products.create')}</h2>
      <QueryView
        state={licenses}
        isEmpty={(d) => d.merchantLicenses.edges.length === 0}
        empty={t('products.needLicense')}
      >
        {() => (
          <>
            <ProductBasicsFields basics={basics} />

            <fieldset className="options-editor">
              <legend>{t('variants.options')}</legend>
              <p className="muted">{t('variants.optionsHint')}</p>
              {options.map((o, i) => (
                <div key={i} className="option-row" data-testid="option">
                  <label>
                    {t('variants.optionNameZh', { n: i + 1 })}
                    <input value={o.nameZh} maxLength={40} onChange={(e) => setOption(i, { nameZh: e.target.value })} />
                  </label>
                  <label>
                    {t('variants.optionName', { n: i + 1 })}
                    <input value={o.name} maxLength={40} onChange={(e) => setOption(i, { name: e.target.value })} />
                  </label>
                  <label>
                    {t('variants.valuesZh', { n: i + 1 })}
                    <input value={o.valuesZh} onChange={(e) => setOption(i, { valuesZh: e.target.value })} />
                  </label>
                  <label>
                    {t('variants.values', { n: i + 1 })}
                    <input value={o.values} onChange={(e) => setOption(i, { values: e.target.value })} />
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}
                  >
                    {t('variants.removeOption', { n: i + 1 })}
                  </button>
                </div>
              ))}
              {options.length < MAX_OPTIONS && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setOptions((list) => [...list, { nameZh: '', name: '', valuesZh: '', values: '' }])}
                >
                  {t('variants.addOption')}
                </button>
              )}
            </fieldset>

            <fieldset className="variant-grid">
              <legend>{t('variants.grid', { count: grid.length })}</legend>
              <div className="row fill-all">
                <label>
                  {t('variants.skuPrefix')}
                  <input value={fill.prefix} onChange={(e) => setFill((f) => ({ ...f, prefix: e.target.value }))} />
                </label>
                <label>
                  {t('variants.fillPrice')}
                  <input
                    inputMode="decimal"
                    value={fill.price}
                    onChange={(e) => setFill((f) => ({ ...f, price: e.target.value }))}
                  />
                </label>
                <label>
                  {t('variants.fillStock')}
                  <input
                    inputMode="numeric"
                    value={fill.stock}
                    onChange={(e) => setFill((f) => ({ ...f, stock: e.target.value }))}
                  />
                </label>
                <button type="button" className="secondary" onClick={fillAll} disabled={grid.length === 0}>
                  {t('variants.fillAll')}
                </button>
              </div>
              {!tooMany && (
                <ul className="variant-rows">
                  {grid.map((c, i) => {
                    const label = c.key || t('variants.single');
                    const row = rowOf(c.key);
                    const id = `variant-${i}`;
                    const cell = (
                      field: 'sku' | 'price' | 'stock',
                      text: string,
                      mode: 'text' | 'decimal' | 'numeric',
                    ) => {
                      const error = rowError(c.key, field);
                      return (
                        <div className="variant-cell">
                          <label htmlFor={`${id}-${field}`}>
                            {c.key ? t(`variants.${field}`, { combination: label }) : single[field]}
                          </label>
                          <input
                            id={`${id}-${field}`}
                            inputMode={mode}
                            value={text}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-${field}-error` : undefined}
                            onChange={(e) => setRow(c.key, { [field]: e.target.value })}
                          />
                          {error && (
                            <span id={`${id}-${field}-error`} className="field-error">
                              {t(`variants.problem.${error}`)}
                            </span>
                          )}
                        </div>
                      );
                    };
                    return (
                      <li key={c.key} className="variant-row" data-testid="variant-row">
                        <strong>{label}</strong>
                        {cell('sku', row.sku, 'text')}
                        {cell('price', row.price, 'decimal')}
                        {cell('stock', row.stock, 'numeric')}
                      </li>
                    );
                  })}
                </ul>
              )}
            </fieldset>

            <GalleryEditor organizationId={merchant.id} items={gallery} onChange={setGallery} idPrefix="new-product" />

            {summary.length > 0 && (
              <div className="state state-error" role="alert" data-testid="form-problems">
                <ul>
                  {summary.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </div>
            )}
            {create.error && <ErrorMessage error={create.error} />}
            {setMedia.error && <ErrorMessage error={setMedia.error} />}
            {created && (
              <p className="success" role="status">
                {t('products.created', { name: created })}
              </p>
            )}
            <button type="submit" disabled={create.pending || setMedia.pending}>
              {t('products.createDraft')}
            </button>
          </>
        )}
      </QueryView>
    </form>
  );
}
