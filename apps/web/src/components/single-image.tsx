import { useId, useRef, useState } from 'react';
import { ApiError, uploadImage } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { ErrorMessage } from './states';

/**
 * One picture of a record (a film's key art, an organization's logo): shows the current one, uploads a file for the
 * organization (POST /media) and hands its id to `onSave`, or clears it with null. The upload itself is never deleted.
 */
export function SingleImageField({
  label,
  organizationId,
  image,
  onSave,
}: {
  label: string;
  organizationId: string;
  image: { thumbnailUrl: string } | null | undefined;
  onSave(mediaId: string | null): Promise<unknown>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught)));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  return (
    <div className="single-image">
      {image ? (
        <img src={image.thumbnailUrl} width={96} height={96} alt={label} />
      ) : (
        <p className="muted">{t('image.none')}</p>
      )}
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void run(async () => onSave((await uploadImage(file, file.name, organizationId)).id));
        }}
      />
      {image && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => onSave(null))}>
          {t('image.remove')}
        </button>
      )}
      {busy && <p role="status">{t('gallery.uploading')}</p>}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
