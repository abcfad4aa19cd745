import { FormEvent, useState } from 'react';
import { DesignRounds, NextRoundForm } from '../components/design-rounds';
import { LazyDetails } from '../components/lazy-details';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { ProductCategory } from '../gql/graphql';
import { ApiError, downloadWithSession } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { currencyOf, moneyInput } from '../lib/money';
import { Link } from '../lib/router';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { SlotEditor } from './merchant-slots';

const MerchantProducts = graphql(`
  query MerchantProducts($merchantId: ID!) {
    merchantProducts(merchantId: $merchantId, first: 20) {
      edges {
        node {
          id
          kind
          status
          statusReason
          name
          nameZh
          category
          verificationCode
          filmIp {
            title
            titleZh
          }
          approvalRounds {
            id
            round
            status
            note
            comments
            submittedAt
            decidedAt
            artwork {
              id
              url
              thumbnailUrl
            }
          }
          variants {
            id
            sku
            available
            stock
            price {
              amountMinor
              currency
            }
          }
          upcomingTimeSlots {
            id
            startsAt
            capacity
            sold
            reserved
            remaining
            status
          }
        }
      }
    }
  }
`);

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

const CreateMerchandise = graphql(`
  mutation CreateMerchandise($input: CreateMerchandiseInput!) {
    createMerchandise(input: $input) {
      id
      status
    }
  }
`);

const SubmitProduct = graphql(`
  mutation SubmitProduct($productId: ID!) {
    submitProductForApproval(productId: $productId) {
      id
      status
    }
  }
`);

const PublishProduct = graphql(`
  mutation PublishProduct($productId: ID!) {
    publishProduct(productId: $productId) {
      id
      status
    }
  }
`);

const AdjustStock = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      variant {
        id
        stock
        available
      }
    }
  }
`);

function Restock({ variant, onDone }: { variant: { id: string; sku: string }; onDone(): void }) {
  const { t } = useI18n();
  const adjust = useMutation(AdjustStock);
  const [quantity, setQuantity] = useState('');
  return (
    <form
      className="restock"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await adjust.run({ input: { variantId: variant.id, quantity: Number(quantity), reason: 'RESTOCK' } })) {
          setQuantity('');
          onDone();
        }
      }}
    >
      <label>
        {t('products.restockQty', { sku: variant.sku })}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="secondary" disabled={adjust.pending}>
        {t('products.restock')}
      </button>
      {adjust.error && <ErrorMessage error={adjust.error} />}
    </form>
  );
}

const UnpublishProduct = graphql(`
  mutation UnpublishProduct($productId: ID!) {
    unpublishProduct(productId: $productId) {
      id
      status
    }
  }
`);

export function MerchantProductsSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const products = useQuery(MerchantProducts, { merchantId: merchant.id });
  const submit = useMutation(SubmitProduct);
  const publish = useMutation(PublishProduct);
  const unpublish = useMutation(UnpublishProduct);
  const [tagError, setTagError] = useState<ApiError>();
  const actionError = submit.error ?? publish.error ?? unpublish.error ?? tagError;
  const downloadTags = async (productId: string) => {
    setTagError(undefined);
    try {
      await downloadWithSession(`/verification-tags/${productId}`, `verification-tags-${productId}.pdf`);
    } catch (error) {
      setTagError(error instanceof ApiError ? error : new ApiError('NETWORK', String(error)));
    }
  };
  const act = async (run: (v: { productId: string }) => Promise<unknown>, productId: string) => {
    if (await run({ productId })) products.reload();
  };
  return (
    <div className="grid-2">
      <div>
        <h2>{t('products.mine')}</h2>
        {actionError && <ErrorMessage error={actionError} />}
        <QueryView state={products} isEmpty={(d) => d.merchantProducts.edges.length === 0} empty={t('products.none')}>
          {(d) => (
            <ul className="list">
              {d.merchantProducts.edges.map(({ node }) => (
                <li key={node.id} className="card" data-testid="product">
                  <h3>{pick(node.nameZh, node.name)}</h3>
                  <p>
                    <StatusBadge vocabulary="productStatus" status={node.status} /> {t(`category.${node.category}`)} ·{' '}
                    {pick(node.filmIp.titleZh, node.filmIp.title)}
                  </p>
                  {node.statusReason && (
                    <p>
                      {t('products.studioComments')}: {node.statusReason}
                    </p>
                  )}
                  {node.variants.map((v) => (
                    <div key={v.id}>
                      <p className="muted">
                        {v.sku} · {formatMoney(v.price.amountMinor, v.price.currency)} ·{' '}
                        {t('product.available', { count: v.available })}
                      </p>
                      <Restock variant={v} onDone={products.reload} />
                    </div>
                  ))}
                  {node.kind === 'EXPERIENCE' && (
                    <SlotEditor experienceId={node.id} slots={node.upcomingTimeSlots} onChanged={products.reload} />
                  )}
                  <LazyDetails
                    className="design-rounds"
                    summary={`${t('rounds.title')} (${node.approvalRounds?.length ?? 0})`}
                  >
                    {() => (
                      <>
                        <DesignRounds rounds={node.approvalRounds ?? []} />
                        {node.status !== 'PENDING_APPROVAL' && (
                          <NextRoundForm productId={node.id} merchantId={merchant.id} onSubmitted={products.reload} />
                        )}
                      </>
                    )}
                  </LazyDetails>
                  <div className="actions">
                    {(node.status === 'DRAFT' || node.status === 'REJECTED' || node.status === 'CHANGES_REQUESTED') && (
                      <button type="button" disabled={submit.pending} onClick={() => act(submit.run, node.id)}>
                        {t('products.submit')}
                      </button>
                    )}
                    {(node.status === 'APPROVED' || node.status === 'SUSPENDED') && (
                      <button type="button" disabled={publish.pending} onClick={() => act(publish.run, node.id)}>
                        {t('products.publish')}
                      </button>
                    )}
                    {node.status === 'PUBLISHED' && (
                      <>
                        <Link className="button secondary" to={`/products/${node.id}`}>
                          {t('products.view')}
                        </Link>
                        {node.verificationCode && (
                          <button type="button" className="secondary" onClick={() => downloadTags(node.id)}>
                            {t('tags.download')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="secondary"
                          disabled={unpublish.pending}
                          onClick={() => act(unpublish.run, node.id)}
                        >
                          {t('products.unpublish')}
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </div>
      <CreateMerchandiseForm
        merchant={merchant}
        currency={currencyOf(
          products.data?.merchantProducts.edges.flatMap((e) => e.node.variants.map((v) => v.price)) ?? [],
        )}
        onCreated={products.reload}
      />
    </div>
  );
}

/** `currency`: the one the merchant already prices in (the API's default for a first product). */
function CreateMerchandiseForm({
  merchant,
  currency,
  onCreated,
}: {
  merchant: Organization;
  currency: string;
  onCreated(): void;
}) {
  const { t, pick } = useI18n();
  const licenses = useQuery(ActiveLicenses, { merchantId: merchant.id });
  const create = useMutation(CreateMerchandise);
  const [licenseId, setLicenseId] = useState('');
  const [category, setCategory] = useState<ProductCategory | ''>('');
  const [name, setName] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [descriptionZh, setDescriptionZh] = useState('');
  const [sku, setSku] = useState('');
  const [priceYuan, setPriceYuan] = useState('');
  const [stock, setStock] = useState('10');
  const edges = licenses.data?.merchantLicenses.edges ?? [];
  const license = edges.find((e) => e.node.id === licenseId)?.node ?? edges[0]?.node;
  const categories = license?.categories ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const price = moneyInput(priceYuan, currency);
    if (!license || !price) return;
    const created = await create.run({
      input: {
        licenseId: license.id,
        category: category || categories[0]!,
        name,
        nameZh: nameZh || null,
        descriptionZh: descriptionZh || null,
        variants: [{ sku, stock: Number(stock), price }],
      },
    });
    if (created) {
      setName('');
      setNameZh('');
      setDescriptionZh('');
      setSku('');
      setPriceYuan('');
      onCreated();
    }
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="create-product">
      <h2 id="create-product">{t('products.create')}</h2>
      <QueryView
        state={licenses}
        isEmpty={(d) => d.merchantLicenses.edges.length === 0}
        empty={t('products.needLicense')}
      >
        {() => (
          <>
            <label>
              {t('products.license')}
              <select value={license?.id ?? ''} onChange={(e) => setLicenseId(e.target.value)}>
                {edges.map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {pick(node.filmIp.titleZh, node.filmIp.title)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('products.category')}
              <select
                value={category || categories[0] || ''}
                onChange={(e) => setCategory(e.target.value as ProductCategory)}
              >
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('products.nameZh')}
              <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} maxLength={200} />
            </label>
            <label>
              {t('products.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <label>
              {t('products.descriptionZh')}
              <textarea
                value={descriptionZh}
                onChange={(e) => setDescriptionZh(e.target.value)}
                rows={3}
                maxLength={4000}
              />
            </label>
            <div className="row">
              <label>
                SKU
                <input value={sku} onChange={(e) => setSku(e.target.value)} required maxLength={64} />
              </label>
              <label>
                {t('products.priceYuan')}
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  value={priceYuan}
                  onChange={(e) => setPriceYuan(e.target.value)}
                  required
                />
              </label>
            </div>
            <label>
              {t('products.stock')}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                value={stock}
                onChange={(e) => setStock(e.target.value)}
                required
              />
            </label>
            {create.error && <ErrorMessage error={create.error} />}
            <button type="submit" disabled={create.pending}>
              {t('products.createDraft')}
            </button>
          </>
        )}
      </QueryView>
    </form>
  );
}
