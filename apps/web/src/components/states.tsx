import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { isMessageKey } from '../lib/messages';
import { Link } from '../lib/router';

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

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The error's reason in the visitor's language, from its structured details (`reason` and the values it names;
 * instants in Shanghai time), when the page has words for it; `item` names the thing it is about.
 */
function useReasonText(error: ApiError, item: string | undefined): string | undefined {
  const { t, lang } = useI18n();
  const reason = error.details['reason'];
  const key = typeof reason === 'string' ? `reason.${reason}` : '';
  if (!isMessageKey(key)) return undefined;
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details)) {
    if (typeof value === 'number') vars[name] = value;
    else if (typeof value === 'string') vars[name] = ISO_INSTANT.test(value) ? time.format(new Date(value)) : value;
  }
  vars['item'] = item ?? (typeof error.details['productName'] === 'string' ? error.details['productName'] : '');
  return t(key, vars);
}

/**
 * A friendly message for the API's error code, with the reason in the visitor's language where the page knows it,
 * else the server's detail where it helps the user fix input. `item` names what the error is about, as the page
 * showed it (a cart line).
 */
export function ErrorMessage({ error, onRetry, item }: { error: ApiError; onRetry?: () => void; item?: string }) {
  const { t } = useI18n();
  const reason = useReasonText(error, item);
  const showDetail = error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT';
  return (
    <div className="state state-error" role="alert">
      <p>{t(`error.${error.code}`)}</p>
      {reason ? <p className="detail">{reason}</p> : showDetail && <p className="detail">{error.detail}</p>}
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** What a link to something that is not there shows: no error to retry, a way on instead. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="card narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.hint')}</p>
      <p className="actions">
        <Link to="/">{t('nav.home')}</Link>
        <Link to="/search">{t('nav.search')}</Link>
      </p>
    </section>
  );
}

/**
 * Renders loading, error or empty for a query, and the children once there is something to show; a query for
 * something that does not exist (or is not the visitor's to see) shows the not-found page, since trying again
 * cannot help.
 */
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
  if (state.error?.code === 'NOT_FOUND') return <NotFound />;
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.loading || state.data === undefined) return placeholder ?? <Loading />;
  if (isEmpty?.(state.data)) return <Empty>{empty}</Empty>;
  return <>{children(state.data)}</>;
}
