import { FormEvent, useRef, useState } from 'react';
import { graphql } from '../gql';
import { ApiError, uploadMedia } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useMutation, useQuery } from '../lib/use-query';
import { ErrorMessage, QueryView } from './states';

const BrandAssetList = graphql(`
  query BrandAssetList($filmIpId: ID!) {
    brandAssets(filmIpId: $filmIpId) {
      id
      title
      contentType
      url
      expiresAt
    }
  }
`);

const AddBrandAsset = graphql(`
  mutation AddBrandAssetFromStudio($input: AddBrandAssetInput!) {
    addBrandAsset(input: $input) {
      id
    }
  }
`);

/**
 * An IP's official files with download links. The links are signed for the viewer's organization and expire within
 * minutes, so they are fetched when the list opens (and again on reload), never kept.
 */
export function BrandAssets({ filmIpId, studioId }: { filmIpId: string; studioId?: string }) {
  const { t } = useI18n();
  const assets = useQuery(BrandAssetList, { filmIpId });
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="brand-assets">
      <QueryView state={assets} isEmpty={(d) => d.brandAssets.length === 0} empty={t('brand.none')}>
        {(d) => (
          <ul className="list">
            {d.brandAssets.map((a) => (
              <li key={a.id} data-testid="brand-asset">
                <a href={a.url} download>
                  {t('brand.download')} · {a.title}
                </a>{' '}
                <span className="muted">
                  {a.contentType === 'application/pdf' ? 'PDF' : 'WebP'} ·{' '}
                  {t('brand.expires', { at: time.format(new Date(a.expiresAt)) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {studioId && <AddBrandAssetForm filmIpId={filmIpId} studioId={studioId} onAdded={assets.reload} />}
    </div>
  );
}

function AddBrandAssetForm({ filmIpId, studioId, onAdded }: { filmIpId: string; studioId: string; onAdded(): void }) {
  const { t } = useI18n();
  const add = useMutation(AddBrandAsset);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setUploadError(undefined);
    setUploading(true);
    let mediaId: string;
    try {
      mediaId = (await uploadMedia(file, { organizationId: studioId, private: true })).id;
    } catch (error) {
      setUploadError(error instanceof ApiError ? error : new ApiError('NETWORK', String(error)));
      return;
    } finally {
      setUploading(false);
    }
    if (await add.run({ input: { filmIpId, mediaId, title } })) {
      setFile(undefined);
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      onAdded();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('brand.add')}>
      <label>
        {t('brand.file')}
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          required
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </label>
      <label>
        {t('brand.assetTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      {(uploadError ?? add.error) && <ErrorMessage error={(uploadError ?? add.error)!} />}
      <button type="submit" disabled={uploading || add.pending}>
        {t('brand.upload')}
      </button>
    </form>
  );
}
