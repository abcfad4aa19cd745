import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import { navigate, useLocation } from '../lib/router';

/** Console sections as links in the URL (`?tab=`), so a section survives a reload and the back button. */
export function useTab<T extends string>(tabs: readonly T[]): T {
  const { search } = useLocation();
  const tab = search.get('tab') as T | null;
  return tab && tabs.includes(tab) ? tab : tabs[0]!;
}

export function Tabs<T extends string>({
  tabs,
  current,
  label,
}: {
  tabs: readonly { id: T; label: MessageKey }[];
  current: T;
  label: string;
}) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.id}
          href={`${path}?tab=${tab.id}`}
          aria-current={tab.id === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate(`${path}?tab=${tab.id}`);
          }}
        >
          {t(tab.label)}
        </a>
      ))}
    </nav>
  );
}
