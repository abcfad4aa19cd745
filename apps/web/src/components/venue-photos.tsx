import { useRef, useState } from 'react';
import { graphql } from '../gql';
import { ApiError, request, uploadImage } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/use-query';
import { ErrorMessage } from './states';

/** Most photos a venue shows (the API's MAX_VENUE_PHOTOS). */
const MAX_VENUE_PHOTOS = 6;

const VenuePhotosOf = graphql(`
  query VenuePhotosOf($id: ID!) {
    venue(id: $id) {
      id
      photos {
        id
        thumbnailUrl
      }
    }
  }
`);

const SetVenuePhotos = graphql(`
  mutation SetVenuePhotos($venueId: ID!, $mediaIds: [ID!]!) {
    setVenuePhotos(venueId: $venueId, mediaIds: $mediaIds) {
      id
    }
  }
`);

/**
 * The photos of one of the merchant's venues, saved as they change: upload more (POST /media) or remove one. Removing
 * drops the venue's reference only; the upload stays, as other records may show the same file.
 */
export function VenuePhotos({ venueId, merchantId }: { venueId: string; merchantId: string }) {
  const { t } = useI18n();
  const venue = useQuery(VenuePhotosOf, { id: venueId });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const photos = venue.data?.venue.photos ?? [];
  const save = async (work: () => Promise<string[]>) => {
    setBusy(true);
    setError(undefined);
    try {
      await request(SetVenuePhotos, { venueId, mediaIds: await work() });
      venue.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught)));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const add = (files: FileList | null) =>
    files &&
    files.length > 0 &&
    save(async () => {
      const ids = photos.map((p) => p.id);
      for (const file of [...files].slice(0, MAX_VENUE_PHOTOS - ids.length))
        ids.push((await uploadImage(file, file.name, merchantId)).id);
      return ids;
    });
  return (
    <div className="single-image" data-testid="venue-photo-editor">
      <label>
        {t('venue.photos')}
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={busy || photos.length >= MAX_VENUE_PHOTOS}
          onChange={(e) => void add(e.target.files)}
        />
      </label>
      <ul className="venue-photos">
        {photos.map((photo, i) => (
          <li key={photo.id}>
            <img src={photo.thumbnailUrl} width={128} height={128} alt={t('gallery.position', { position: i + 1 })} />
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={t('gallery.remove', { position: i + 1 })}
              onClick={() => void save(async () => photos.filter((p) => p.id !== photo.id).map((p) => p.id))}
            >
              {t('gallery.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      {busy && <p role="status">{t('gallery.uploading')}</p>}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
