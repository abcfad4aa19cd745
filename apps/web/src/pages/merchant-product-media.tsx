import { useRef, useState } from 'react';
import { ErrorMessage } from '../components/states';
import { graphql } from '../gql';
import { ApiError, uploadImage, UploadedImage } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useMutation } from '../lib/use-query';

/** Most images a gallery holds (the API's MAX_GALLERY). */
export const MAX_GALLERY = 12;

/** One image of a gallery being edited: the upload and what it shows, in both languages. */
export interface GalleryItem {
  media: Pick<UploadedImage, 'id' | 'thumbnailUrl'>;
  altZh: string;
  alt: string;
}

const SetProductMedia = graphql(`
  mutation SetMerchantProductMedia($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) {
    setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) {
      id
      status
    }
  }
`);

/** The variables of setProductMedia for a gallery: ids in order, alt text where there is some. */
export function galleryVariables(productId: string, items: readonly GalleryItem[]) {
  return {
    productId,
    mediaIds: items.map((i) => i.media.id),
    alt: items
      .filter((i) => i.alt.trim() || i.altZh.trim())
      .map((i) => ({ mediaId: i.media.id, alt: i.alt.trim() || null, altZh: i.altZh.trim() || null })),
  };
}

export function useSetProductMedia() {
  return useMutation(SetProductMedia);
}

/**
 * A gallery being edited: upload (POST /media, one file after another), order with move up / move down buttons
 * (keyboard and screen-reader friendly, unlike dragging), alt text in Chinese and English, remove. The first image is
 * the cover. `items` is the caller's state, saved by the caller (with the new product, or by its own button).
 */
export function GalleryEditor({
  organizationId,
  items,
  onChange,
  idPrefix,
}: {
  organizationId: string;
  items: GalleryItem[];
  onChange(items: GalleryItem[]): void;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    setError(undefined);
    let next = items;
    try {
      for (const file of [...files].slice(0, MAX_GALLERY - items.length)) {
        const media = await uploadImage(file, file.name, organizationId);
        next = [...next, { media, alt: '', altZh: '' }];
        onChange(next);
      }
      setStatus(t('gallery.uploaded', { count: next.length }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught)));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  /** Moves an image and keeps the focus on the same button of the same image, so arrow-like use can go on. */
  const move = (from: number, to: number, which: 'up' | 'down') => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
    setStatus(t('gallery.moved', { position: to + 1 }));
    const key = `${item!.media.id}:${which}`;
    requestAnimationFrame(() => {
      const button = buttons.current.get(key);
      if (button && !button.disabled) button.focus();
      else buttons.current.get(`${item!.media.id}:${which === 'up' ? 'down' : 'up'}`)?.focus();
    });
  };
  const edit = (index: number, change: Partial<GalleryItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  return (
    <fieldset className="gallery-editor">
      <legend>{t('gallery.title')}</legend>
      <p className="muted">{t('gallery.hint', { max: MAX_GALLERY })}</p>
      <label>
        {t('gallery.upload')}
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={uploading || items.length >= MAX_GALLERY}
          onChange={(e) => upload(e.target.files)}
        />
      </label>
      {uploading && <p role="status">{t('gallery.uploading')}</p>}
      {error && <ErrorMessage error={error} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ol className="gallery-items">
        {items.map((item, i) => {
          const position = i + 1;
          const id = `${idPrefix}-${item.media.id}`;
          return (
            <li key={item.media.id} className="gallery-item" data-testid="gallery-item">
              <img src={item.media.thumbnailUrl} width={96} height={96} alt={item.altZh || item.alt || ''} />
              <div>
                <p>
                  <strong>{i === 0 ? t('gallery.cover') : t('gallery.position', { position })}</strong>
                </p>
                <label htmlFor={`${id}-zh`}>{t('gallery.altZh', { position })}</label>
                <input
                  id={`${id}-zh`}
                  value={item.altZh}
                  maxLength={300}
                  onChange={(e) => edit(i, { altZh: e.target.value })}
                />
                <label htmlFor={`${id}-en`}>{t('gallery.alt', { position })}</label>
                <input
                  id={`${id}-en`}
                  value={item.alt}
                  maxLength={300}
                  onChange={(e) => edit(i, { alt: e.target.value })}
                />
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    ref={(el) => {
                      if (el) buttons.current.set(`${item.media.id}:up`, el);
                    }}
                    disabled={i === 0}
                    aria-label={t('gallery.moveUp', { position })}
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    ↑ {t('gallery.up')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    ref={(el) => {
                      if (el) buttons.current.set(`${item.media.id}:down`, el);
                    }}
                    disabled={i === items.length - 1}
                    aria-label={t('gallery.moveDown', { position })}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    ↓ {t('gallery.down')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('gallery.remove', { position })}
                    onClick={() => {
                      onChange(items.filter((_, j) => j !== i));
                      setStatus(t('gallery.removed', { position }));
                    }}
                  >
                    {t('gallery.removeShort')}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
