import { FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { useI18n } from '../lib/i18n';
import { useMutation } from '../lib/use-query';
import { ErrorMessage } from './states';

/** Five stars, filled to the rounded average, with the count beside; nothing but "no reviews yet" before the first. */
export function RatingStars({ rating }: { rating: { average?: number | null; count: number } }) {
  const { t } = useI18n();
  if (rating.count === 0 || rating.average == null) return <span className="muted rating">{t('review.none')}</span>;
  const full = Math.round(rating.average);
  return (
    <span
      className="rating"
      data-testid="rating"
      aria-label={t('review.stars', { average: rating.average.toFixed(1), count: rating.count })}
    >
      <span aria-hidden="true">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>{' '}
      {rating.average.toFixed(1)} <span className="muted">({rating.count})</span>
    </span>
  );
}

/** One review's stars. */
export function ReviewStars({ rating }: { rating: number }) {
  const { t } = useI18n();
  return (
    <span className="rating" role="img" aria-label={t('review.oneRating', { rating })}>
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </span>
  );
}

const ReviewLine = graphql(`
  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {
    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) {
      id
      rating
    }
  }
`);

/** The buyer's review of a handed-over line: 1 to 5 stars and a few words. */
export function ReviewForm({ lineId, onSent }: { lineId: string; onSent(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(5);
  const [text, setText] = useState('');
  const send = useMutation(ReviewLine);
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="secondary" data-testid="write-review" onClick={() => setOpen(true)}>
          {t('review.write')}
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send.run({ orderLineId: lineId, rating, text: text.trim() || null })) {
      setOpen(false);
      onSent();
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset>
        <legend>{t('review.rating')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="inline">
            <input
              type="radio"
              name={`rating-${lineId}`}
              value={n}
              checked={rating === n}
              onChange={() => setRating(n)}
            />{' '}
            {'★'.repeat(n)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('review.text')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} />
      </label>
      {send.error && <ErrorMessage error={send.error} />}
      <div className="actions">
        <button type="submit" disabled={send.pending}>
          {t('review.send')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

const SetFavourite = graphql(`
  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {
    setFavourite(productId: $productId, favourite: $favourite)
  }
`);

/** Save or unsave the product for the signed-in visitor. */
export function FavouriteToggle({ productId, favourited }: { productId: string; favourited: boolean }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(favourited);
  const toggle = useMutation(SetFavourite);
  return (
    <div className="actions">
      <button
        type="button"
        className="secondary"
        data-testid="favourite"
        aria-pressed={saved}
        disabled={toggle.pending}
        onClick={async () => {
          const done = await toggle.run({ productId, favourite: !saved });
          if (done) setSaved(done.setFavourite);
        }}
      >
        {saved ? `♥ ${t('favourite.saved')}` : `♡ ${t('favourite.save')}`}
      </button>
      {toggle.error && <ErrorMessage error={toggle.error} />}
    </div>
  );
}
