import { FormEvent, useState } from 'react';
import { graphql } from '../gql';
import type { DesignRoundStatus } from '../gql/graphql';
import { ApiError, uploadMedia } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useMutation } from '../lib/use-query';
import { ErrorMessage } from './states';

/** One design round as the consoles show it (the fields both consoles' queries select). */
export interface RoundView {
  id: string;
  round: number;
  status: DesignRoundStatus;
  note?: string | null;
  comments?: string | null;
  submittedAt: string;
  decidedAt?: string | null;
  artwork: { id: string; url: string; thumbnailUrl: string }[];
}

/** Every round of a design side by side, newest first (as the API lists them), each with its artwork and words. */
export function DesignRounds({ rounds }: { rounds: readonly RoundView[] }) {
  const { t, formatDate } = useI18n();
  if (rounds.length === 0) return <p className="muted">{t('rounds.none')}</p>;
  return (
    <section className="rounds" aria-label={t('rounds.title')}>
      {rounds.map((r) => (
        <article key={r.id} className="round" data-testid="design-round">
          <h4>
            {t('rounds.round', { n: r.round })}{' '}
            <span className={`badge badge-${r.status.toLowerCase()}`}>{t(`rounds.status.${r.status}`)}</span>
          </h4>
          {r.artwork.length > 0 && (
            <div className="artwork">
              {r.artwork.map((a, i) => (
                <a key={a.id} href={a.url} target="_blank" rel="noreferrer">
                  <img
                    src={a.thumbnailUrl}
                    alt={t('rounds.artworkOf', { n: i + 1, round: r.round })}
                    width={96}
                    height={96}
                    loading="lazy"
                  />
                </a>
              ))}
            </div>
          )}
          {r.note && (
            <p>
              <strong>{t('rounds.note')}:</strong> {r.note}
            </p>
          )}
          {r.comments && (
            <p>
              <strong>{t('rounds.comments')}:</strong> {r.comments}
            </p>
          )}
          <p className="muted">
            {t('rounds.submitted', { at: formatDate(r.submittedAt) })}
            {r.decidedAt && ` · ${t('rounds.decided', { at: formatDate(r.decidedAt) })}`}
          </p>
        </article>
      ))}
    </section>
  );
}

const SubmitRound = graphql(`
  mutation SubmitRound($productId: ID!, $artworkMediaIds: [ID!]!, $note: String) {
    submitDesignRound(input: { productId: $productId, artworkMediaIds: $artworkMediaIds, note: $note }) {
      id
      status
    }
  }
`);

/** The merchant's next round: artwork files uploaded for the merchant (POST /media), then submitted with a note. */
export function NextRoundForm({
  productId,
  merchantId,
  onSubmitted,
}: {
  productId: string;
  merchantId: string;
  onSubmitted(): void;
}) {
  const { t } = useI18n();
  const submit = useMutation(SubmitRound);
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setUploadError(undefined);
    setUploading(true);
    let ids: string[];
    try {
      ids = [];
      for (const file of files) ids.push((await uploadMedia(file, { organizationId: merchantId })).id);
    } catch (error) {
      setUploadError(error instanceof ApiError ? error : new ApiError('NETWORK', String(error)));
      return;
    } finally {
      setUploading(false);
    }
    if (await submit.run({ productId, artworkMediaIds: ids, note: note.trim() || null })) {
      setFiles([]);
      setNote('');
      onSubmitted();
    }
  };
  return (
    <form className="form" onSubmit={send} aria-label={t('rounds.next')}>
      <label>
        {t('rounds.files')}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          required
          onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 20))}
        />
      </label>
      <label>
        {t('rounds.noteLabel')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </label>
      {uploading && <p role="status">{t('rounds.uploading')}</p>}
      {(uploadError ?? submit.error) && <ErrorMessage error={(uploadError ?? submit.error)!} />}
      <button type="submit" disabled={uploading || submit.pending || files.length === 0}>
        {t('rounds.send')}
      </button>
    </form>
  );
}
