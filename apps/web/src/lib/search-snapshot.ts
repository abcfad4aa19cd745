import { useEffect } from 'react';

/**
 * What a search page had loaded beyond its first page, and how far down the visitor was, so that Back from a
 * product shows the same results at the same place (the first page comes again from the API; only the pages the
 * visitor asked for with "more" are kept). One snapshot per tab, for the search it was taken on.
 */
export interface SearchSnapshot<T> {
  key: string;
  more: T | undefined;
  scrollY: number;
}

const KEY = 'chedun.search';

export function readSearchSnapshot<T>(key: string): SearchSnapshot<T> | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const snapshot = raw ? (JSON.parse(raw) as SearchSnapshot<T>) : undefined;
    return snapshot?.key === key ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the snapshot of the search at `key` as the visitor loads more and scrolls. A scroll that happens once the
 * address is another page's (the router scrolls a new page to the top) is not this search's.
 */
export function useKeepSearchSnapshot<T>(key: string, more: T | undefined): void {
  useEffect(() => {
    const save = () => {
      if (window.location.pathname !== '/search' || new URLSearchParams(window.location.search).toString() !== key)
        return;
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ key, more, scrollY: window.scrollY } satisfies SearchSnapshot<T>));
      } catch {
        // A full or disabled storage costs only the restoring.
      }
    };
    save();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(save);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [key, more]);
}
