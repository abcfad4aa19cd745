import { ReactNode, useState } from 'react';

/**
 * A <details> whose content is rendered only once opened: what it holds (design rounds, brand assets with signed
 * links that expire) is fetched when someone looks, not for every card of a list.
 */
export function LazyDetails({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
