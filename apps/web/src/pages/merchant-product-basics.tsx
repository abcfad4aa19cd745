import { useState } from 'react';
import { graphql } from '../gql';
import type { ProductCategory } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/use-query';

const ActiveLicenses = graphql(`
  query ActiveLicenses($merchantId: ID!) {
    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {
      edges {
        node {
          id
          categories
          filmIp {
            title
            titleZh
          }
        }
      }
    }
  }
`);

/**
 * What every new product starts with, merchandise or experience: the license it is made under, a category that
 * license allows (narrowed to `allowed`), and its names and description, Chinese first. `category` is the one the
 * product gets: the merchant's choice while the chosen license allows it, else the license's first.
 */
export function useProductBasics(merchantId: string, allowed?: readonly ProductCategory[]) {
  const licenses = useQuery(ActiveLicenses, { merchantId });
  const [licenseId, setLicenseId] = useState('');
  const [chosen, setCategory] = useState<ProductCategory | ''>('');
  const [nameZh, setNameZh] = useState('');
  const [name, setName] = useState('');
  const [descriptionZh, setDescriptionZh] = useState('');
  const edges = licenses.data?.merchantLicenses.edges ?? [];
  const license = edges.find((e) => e.node.id === licenseId)?.node ?? edges[0]?.node;
  const categories = (license?.categories ?? []).filter((c) => !allowed || allowed.includes(c));
  const category = chosen && categories.includes(chosen) ? chosen : categories[0];
  return {
    licenses,
    edges,
    license,
    setLicenseId,
    categories,
    category,
    setCategory,
    nameZh,
    setNameZh,
    name,
    setName,
    descriptionZh,
    setDescriptionZh,
    nameMissing: !nameZh.trim() && !name.trim(),
    /** Names and description as the create mutations take them (the English name falls back to the Chinese). */
    input: () => ({
      name: name.trim() || nameZh.trim(),
      nameZh: nameZh.trim() || null,
      descriptionZh: descriptionZh || null,
    }),
    /** After a product is created: the license and category stay for the next one, the texts go. */
    clear: () => {
      setNameZh('');
      setName('');
      setDescriptionZh('');
    },
  };
}

export type ProductBasics = ReturnType<typeof useProductBasics>;

/** The license, category, names and description fields of a new product's form. */
export function ProductBasicsFields({ basics }: { basics: ProductBasics }) {
  const { t, pick } = useI18n();
  return (
    <>
      <label>
        {t('products.license')}
        <select value={basics.license?.id ?? ''} onChange={(e) => basics.setLicenseId(e.target.value)}>
          {basics.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {pick(node.filmIp.titleZh, node.filmIp.title)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('products.category')}
        <select value={basics.category ?? ''} onChange={(e) => basics.setCategory(e.target.value as ProductCategory)}>
          {basics.categories.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('products.nameZh')}
        <input value={basics.nameZh} onChange={(e) => basics.setNameZh(e.target.value)} maxLength={120} />
      </label>
      <label>
        {t('products.name')}
        <input value={basics.name} onChange={(e) => basics.setName(e.target.value)} maxLength={120} />
      </label>
      <label>
        {t('products.descriptionZh')}
        <textarea
          value={basics.descriptionZh}
          onChange={(e) => basics.setDescriptionZh(e.target.value)}
          rows={3}
          maxLength={4000}
        />
      </label>
    </>
  );
}
