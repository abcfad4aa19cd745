import { useState } from 'react';
import { renderSVG } from 'uqr';
import { AddToCart, variantName } from '../components/add-to-cart';
import { DataTable } from '../components/data-table';
import { FavouriteToggle, RatingStars, ReviewStars } from '../components/reviews';
import { NotFound, QueryView } from '../components/states';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { isUuid } from '../lib/ids';
import { variantLabels } from '../lib/variant-label';
import { Link } from '../lib/router';
import { useMe } from '../lib/use-me';
import { useQuery } from '../lib/use-query';

const ProductDetail = graphql(`
  query ProductDetail($id: ID!) {
    product(id: $id) {
      id
      kind
      status
      category
      name
      nameZh
      description
      descriptionZh
      images
      purchaseLimit
      verificationCode
      priceFrom {
        amountMinor
        currency
      }
      filmIp {
        id
        title
        titleZh
      }
      merchant {
        id
        name
        nameZh
        logo {
          id
          thumbnailUrl
        }
      }
      media {
        id
        url
        cardUrl
        thumbnailUrl
        width
        height
        alt
        altZh
      }
      variants {
        id
        sku
        available
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
      ticketTypes {
        id
        name
        nameZh
        price {
          amountMinor
          currency
        }
      }
      upcomingTimeSlots {
        id
        startsAt
        endsAt
        remaining
        status
      }
      venue {
        id
        name
        nameZh
        address
        addressZh
        latitude
        longitude
        openingNotes
        photos {
          id
          url
          cardUrl
          thumbnailUrl
        }
      }
      favourited
      rating {
        average
        count
      }
      reviews(first: 20) {
        edges {
          node {
            id
            rating
            text
            reply
            createdAt
          }
        }
      }
    }
  }
`);

interface GalleryImage {
  id: string;
  url: string;
  cardUrl: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  alt?: string | null;
  altZh?: string | null;
}

/**
 * The gallery: the chosen image large (card or full rendition by the screen's width; its box from its own size, so
 * nothing moves as it loads) and, when there are several, each as a thumbnail button that shows it.
 */
function Gallery({ media, name }: { media: GalleryImage[]; name: string }) {
  const { t, pick } = useI18n();
  const [shown, setShown] = useState(0);
  const image = media[Math.min(shown, media.length - 1)]!;
  const altOf = (m: GalleryImage) => pick(m.altZh, m.alt) || name;
  // The renditions' real widths: each fits the original inside a square (640 and 2048 px), never enlarging it.
  const within = (box: number) => Math.round(image.width * Math.min(1, box / Math.max(image.width, image.height)));
  return (
    <div className="product-gallery">
      <figure className="product-figure">
        <img
          src={image.cardUrl}
          srcSet={`${image.cardUrl} ${within(640)}w, ${image.url} ${within(2048)}w`}
          sizes="(max-width: 800px) 100vw, 760px"
          width={image.width}
          height={image.height}
          // The page's largest paint (Lighthouse's LCP): fetched ahead of the thumbnails and the card images below.
          fetchPriority="high"
          alt={altOf(image)}
        />
      </figure>
      {media.length > 1 && (
        <ul className="thumbs" aria-label={t('product.gallery')}>
          {media.map((m, i) => (
            <li key={m.id}>
              <button type="button" aria-pressed={i === shown} onClick={() => setShown(i)}>
                <img src={m.thumbnailUrl} width={240} height={240} loading="lazy" decoding="async" alt={altOf(m)} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ProductPage({ id }: { id: string }) {
  const { t, pick, formatMoney, lang } = useI18n();
  // A malformed id names no product: the not-found page, not the API's complaint about the id's format.
  const product = useQuery(ProductDetail, { id }, { skip: !isUuid(id) });
  const me = useMe();
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  if (!isUuid(id)) return <NotFound />;
  return (
    <QueryView state={product}>
      {({ product: p }) => (
        <article className="product">
          <p className="eyebrow">
            {t(`category.${p.category}`)} ·{' '}
            {p.merchant.logo && (
              <img className="org-logo" src={p.merchant.logo.thumbnailUrl} width={24} height={24} alt="" />
            )}
            {pick(p.merchant.nameZh, p.merchant.name)}
          </p>
          <h1>{pick(p.nameZh, p.name)}</h1>
          <p>
            <RatingStars rating={p.rating} />
          </p>
          {me.signedIn && <FavouriteToggle productId={p.id} favourited={p.favourited} />}
          <p>
            {t('product.filmedHere')}{' '}
            <Link to={`/ip/${encodeURIComponent(p.filmIp.id)}`}>{pick(p.filmIp.titleZh, p.filmIp.title)}</Link>
          </p>
          {p.media.length > 0 && <Gallery media={p.media} name={pick(p.nameZh, p.name)} />}
          {p.media.length === 0 && p.images.length > 0 && (
            <div className="gallery">
              {p.images.slice(0, 4).map((src) => (
                <img key={src} src={src} alt={pick(p.nameZh, p.name)} loading="lazy" />
              ))}
            </div>
          )}
          {(p.descriptionZh || p.description) && <p className="description">{pick(p.descriptionZh, p.description)}</p>}
          {p.priceFrom && (
            <p className="price">
              {t('product.from', { price: formatMoney(p.priceFrom.amountMinor, p.priceFrom.currency) })}
            </p>
          )}
          {p.purchaseLimit && <p className="muted">{t('product.limit', { count: p.purchaseLimit })}</p>}

          <AddToCart product={p} formatSlot={(iso) => time.format(new Date(iso))} />

          {p.kind === 'MERCHANDISE' && (
            <section aria-labelledby="variants">
              <h2 id="variants">{t('product.variants')}</h2>
              <DataTable
                columns={[
                  {
                    header: t('cart.option'),
                    cell: (v) => (
                      <>
                        {(v.options.length > 0
                          ? variantName(v, pick)
                          : variantLabels(p.variants)[p.variants.indexOf(v)]) || t('product.standard')}{' '}
                        <span className="muted">{v.sku}</span>
                      </>
                    ),
                  },
                  { header: t('product.price'), cell: (v) => formatMoney(v.price.amountMinor, v.price.currency) },
                  {
                    header: t('product.stock'),
                    cell: (v) =>
                      v.available > 0 ? t('product.available', { count: v.available }) : t('product.soldOut'),
                  },
                ]}
                rows={p.variants}
                rowKey={(v) => v.id}
              />
            </section>
          )}

          {p.kind === 'EXPERIENCE' && (
            <>
              <section aria-labelledby="tickets">
                <h2 id="tickets">{t('product.tickets')}</h2>
                <ul className="list">
                  {p.ticketTypes.map((ticket) => (
                    <li key={ticket.id}>
                      {pick(ticket.nameZh, ticket.name)} ·{' '}
                      {formatMoney(ticket.price.amountMinor, ticket.price.currency)}
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="calendar">
                <h2 id="calendar">{t('product.calendar')}</h2>
                {p.upcomingTimeSlots.length === 0 ? (
                  <p className="state state-empty">{t('product.noSlots')}</p>
                ) : (
                  <ul className="list slots">
                    {p.upcomingTimeSlots.map((slot) => (
                      <li key={slot.id} className="card">
                        <strong>{time.format(new Date(slot.startsAt))}</strong>
                        <span className={slot.remaining > 0 && slot.status === 'OPEN' ? 'success' : 'muted'}>
                          {slot.status !== 'OPEN'
                            ? t(`slot.${slot.status}`)
                            : slot.remaining > 0
                              ? t('product.seatsLeft', { count: slot.remaining })
                              : t('product.soldOut')}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}

          {p.venue && (
            <section aria-labelledby="venue" className="card">
              <h2 id="venue">{t('product.venue')}</h2>
              <p>
                <strong>{pick(p.venue.nameZh, p.venue.name)}</strong>
                {(p.venue.addressZh || p.venue.address) && <> · {pick(p.venue.addressZh, p.venue.address)}</>}
              </p>
              {p.venue.openingNotes && <p className="muted">{p.venue.openingNotes}</p>}
              {p.venue.photos.length > 0 && (
                <ul className="venue-photos" data-testid="venue-photos">
                  {p.venue.photos.map((photo, i) => (
                    <li key={photo.id}>
                      <a href={photo.url} target="_blank" rel="noreferrer">
                        <img
                          src={photo.thumbnailUrl}
                          srcSet={`${photo.thumbnailUrl} 240w, ${photo.cardUrl} 640w`}
                          sizes="8rem"
                          width={128}
                          height={128}
                          loading="lazy"
                          decoding="async"
                          alt={t('venue.photo', { name: pick(p.venue!.nameZh, p.venue!.name), position: i + 1 })}
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                {t('product.position', { lat: p.venue.latitude.toFixed(5), lng: p.venue.longitude.toFixed(5) })}{' '}
                <a
                  href={`https://www.openstreetmap.org/?mlat=${p.venue.latitude}&mlon=${p.venue.longitude}#map=17/${p.venue.latitude}/${p.venue.longitude}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('product.openMap')}
                </a>
              </p>
            </section>
          )}

          {p.verificationCode && <ProofOfLicense code={p.verificationCode} />}
          <section aria-labelledby="reviews">
            <h2 id="reviews">{t('review.title')}</h2>
            {p.reviews.edges.length === 0 ? (
              <p className="state state-empty">{t('review.none')}</p>
            ) : (
              <ul className="list">
                {p.reviews.edges.map(({ node: r }) => (
                  <li key={r.id} className="card" data-testid="review">
                    <ReviewStars rating={r.rating} />{' '}
                    <span className="muted">{time.format(new Date(r.createdAt))}</span>
                    {r.text && <p>{r.text}</p>}
                    {r.reply && <p className="muted">{t('review.reply', { reply: r.reply })}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </article>
      )}
    </QueryView>
  );
}

/** The product's proof of license: a QR of the public verification page (the same one printed on its tags). */
function ProofOfLicense({ code }: { code: string }) {
  const { t } = useI18n();
  const path = `/verify/${encodeURIComponent(code)}`;
  return (
    <section aria-labelledby="proof" className="card proof">
      <h2 id="proof">{t('proof.title')}</h2>
      <div
        className="qr"
        role="img"
        aria-label={t('proof.scan')}
        dangerouslySetInnerHTML={{ __html: renderSVG(`${window.location.origin}${path}`) }}
      />
      <p className="muted">{t('proof.scan')}</p>
      <Link to={path}>{t('proof.open')}</Link>
    </section>
  );
}
