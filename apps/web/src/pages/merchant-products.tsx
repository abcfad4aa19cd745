import { useState } from 'react';
import { DesignRounds, NextRoundForm } from '../components/design-rounds';
import { LazyDetails } from '../components/lazy-details';
import { ErrorMessage, QueryView } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { MerchantProductsQuery, ProductStatus } from '../gql/graphql';
import { ApiError, downloadWithSession } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { currencyOf } from '../lib/money';
import { Link } from '../lib/router';
import type { Organization } from '../lib/use-me';
import { useMutation, useQuery } from '../lib/use-query';
import { CreateExperienceForm } from './merchant-experience-form';
import { CreateMerchandiseForm } from './merchant-merchandise-form';
import { GalleryEditor, GalleryItem, galleryVariables, useSetProductMedia } from './merchant-product-media';
import { SlotEditor } from './merchant-slots';

const PAGE_SIZE = 10;
const STATUSES: readonly ProductStatus[] = [
  'DRAFT',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'PUBLISHED',
  'SUSPENDED',
];

const MerchantProducts = graphql(`
  query MerchantProducts($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {
    merchantProducts(merchantId: $merchantId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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
          media {
            id
            thumbnailUrl
            alt
            altZh
          }
          variants {
            id
            sku
            available
            stock
            options {
              name
              nameZh
              value
              valueZh
            }
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

type ProductNode = MerchantProductsQuery['merchantProducts']['edges'][number]['node'];

/** A variant's name for the merchant: its option values (尺码 M · 颜色 黑) and its SKU. */
function variantLabel(
  v: ProductNode['variants'][number],
  pick: (zh: string | null | undefined, en: string | null | undefined) => string,
): string {
  const options = v.options.map((o) => `${pick(o.nameZh, o.name)} ${pick(o.valueZh, o.value)}`).join(' · ');
  return options ? `${options} · ${v.sku}` : v.sku;
}

/** The product's gallery, edited in place and saved with its own button (a new or reordered image needs approval again). */
function ProductGallery({
  product,
  merchantId,
  onSaved,
}: {
  product: ProductNode;
  merchantId: string;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const setMedia = useSetProductMedia();
  const [items, setItems] = useState<GalleryItem[]>(() =>
    product.media.map((m) => ({ media: m, alt: m.alt ?? '', altZh: m.altZh ?? '' })),
  );
  const [saved, setSaved] = useState(false);
  return (
    <div className="product-gallery-editor">
      <GalleryEditor
        organizationId={merchantId}
        items={items}
        onChange={(next) => {
          setItems(next);
          setSaved(false);
        }}
        idPrefix={`gallery-${product.id}`}
      />
      {setMedia.error && <ErrorMessage error={setMedia.error} />}
      {saved && (
        <p className="success" role="status">
          {t('gallery.saved')}
        </p>
      )}
      <button
        type="button"
        disabled={setMedia.pending}
        onClick={async () => {
          if (await setMedia.run(galleryVariables(product.id, items))) {
            setSaved(true);
            onSaved();
          }
        }}
      >
        {t('gallery.save')}
      </button>
    </div>
  );
}

export function MerchantProductsSection({ merchant }: { merchant: Organization }) {
  const { t, pick, formatMoney } = useI18n();
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<ProductStatus | ''>('');
  /** The cursors of the pages before this one: Back pops one. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [galleryOf, setGalleryOf] = useState('');
  const [form, setForm] = useState<'MERCHANDISE' | 'EXPERIENCE'>('MERCHANDISE');
  const after = cursors[cursors.length - 1] ?? null;
  const products = useQuery(MerchantProducts, {
    merchantId: merchant.id,
    first: PAGE_SIZE,
    after,
    filter: { search: search || null, status: status || null },
  });
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
  const page = products.data?.merchantProducts;
  const currency = currencyOf(page?.edges.flatMap((e) => e.node.variants.map((v) => v.price)) ?? []);
  const created = () => {
    setCursors([null]);
    products.reload();
  };
  return (
    <div className="grid-2">
      <div>
        <h2>{t('products.mine')}</h2>
        <form
          className="row product-filters"
          role="search"
          aria-label={t('products.searchLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            setSearch(typed.trim());
            setCursors([null]);
          }}
        >
          <label>
            {t('products.search')}
            <input type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <label>
            {t('products.statusFilter')}
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as ProductStatus | '');
                setCursors([null]);
              }}
            >
              <option value="">{t('products.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`productStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            {t('products.searchButton')}
          </button>
        </form>
        {actionError && <ErrorMessage error={actionError} />}
        <QueryView state={products} isEmpty={(d) => d.merchantProducts.edges.length === 0} empty={t('products.none')}>
          {(d) => (
            <>
              <p className="muted" role="status">
                {t('products.count', { count: d.merchantProducts.totalCount })}
              </p>
              <ul className="list">
                {d.merchantProducts.edges.map(({ node }) => (
                  <li key={node.id} className="card" data-testid="product">
                    <div className="product-head">
                      {node.media[0] && (
                        <img
                          src={node.media[0].thumbnailUrl}
                          width={64}
                          height={64}
                          alt={pick(node.media[0].altZh, node.media[0].alt) || pick(node.nameZh, node.name)}
                        />
                      )}
                      <h3>{pick(node.nameZh, node.name)}</h3>
                    </div>
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
                          {variantLabel(v, pick)} · {formatMoney(v.price.amountMinor, v.price.currency)} ·{' '}
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
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={galleryOf === node.id}
                        onClick={() => setGalleryOf(galleryOf === node.id ? '' : node.id)}
                      >
                        {t('gallery.edit', { count: node.media.length })}
                      </button>
                      {(node.status === 'DRAFT' ||
                        node.status === 'REJECTED' ||
                        node.status === 'CHANGES_REQUESTED') && (
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
                    {galleryOf === node.id && (
                      <ProductGallery product={node} merchantId={merchant.id} onSaved={products.reload} />
                    )}
                  </li>
                ))}
              </ul>
              <nav className="actions pager" aria-label={t('products.pages')}>
                <button
                  type="button"
                  className="secondary"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t('products.previous')}
                </button>
                <span>{t('products.page', { page: cursors.length })}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={!d.merchantProducts.pageInfo.hasNextPage}
                  onClick={() => setCursors((c) => [...c, d.merchantProducts.pageInfo.endCursor ?? null])}
                >
                  {t('products.next')}
                </button>
              </nav>
            </>
          )}
        </QueryView>
      </div>
      <div>
        <div className="actions" role="group" aria-label={t('products.createKind')}>
          <button
            type="button"
            className={form === 'MERCHANDISE' ? '' : 'secondary'}
            aria-pressed={form === 'MERCHANDISE'}
            onClick={() => setForm('MERCHANDISE')}
          >
            {t('products.newMerchandise')}
          </button>
          <button
            type="button"
            className={form === 'EXPERIENCE' ? '' : 'secondary'}
            aria-pressed={form === 'EXPERIENCE'}
            onClick={() => setForm('EXPERIENCE')}
          >
            {t('products.newExperience')}
          </button>
        </div>
        {form === 'MERCHANDISE' ? (
          <CreateMerchandiseForm merchant={merchant} currency={currency} onCreated={created} />
        ) : (
          <CreateExperienceForm merchant={merchant} currency={currency} onCreated={created} />
        )}
      </div>
    </div>
  );
}
