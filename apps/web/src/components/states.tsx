import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('state.loading')}
    </p>
  );
}

/**
 * Grey stand-ins the size of what is loading (product cards, chips, lines), so the page does not jump when it arrives;
 * screen readers hear the usual loading status instead.
 */
export function Placeholder({ shape, count }: { shape: 'cards' | 'chips' | 'lines'; count: number }) {
  const { t } = useI18n();
  const items = Array.from({ length: count }, (_, i) => <li key={i} className={`skeleton skeleton-${shape}`} />);
  return (
    <>
      <p className="visually-hidden" role="status">
        {t('state.loading')}
      </p>
      <ul className={shape === 'cards' ? 'list cards' : shape === 'chips' ? 'chips' : 'list'} aria-hidden="true">
        {items}
      </ul>
    </>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** A friendly message for the API's error code, with the server's detail where it helps the user fix input. */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const showDetail = error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT';
  return (
    <div className="state state-error" role="alert">
      <p>{t(`error.${error.code}`)}</p>
      {showDetail && <p className="detail">{error.detail}</p>}
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders loading, error or empty for a query, and the children once there is something to show. */
export function QueryView<T>({
  state,
  isEmpty,
  empty,
  placeholder,
  children,
}: {
  state: { data: T | undefined; error: ApiError | undefined; loading: boolean; reload(): void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Shown while loading instead of the spinner: a Placeholder as tall as the content will be. */
  placeholder?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.loading || state.data === undefined) return placeholder ?? <Loading />;
  if (isEmpty?.(state.data)) return <Empty>{empty}</Empty>;
  return <>{children(state.data)}</>;
}
