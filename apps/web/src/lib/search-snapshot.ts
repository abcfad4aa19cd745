import { useEffect } from 'react';

/**
 * What a search page had loaded beyond its first page, and where the visitor was in it, so that Back from a product
 * shows the same results at the same place (the first page comes again from the API; only the pages the visitor
 * asked for with "more" are kept). One snapshot per tab, for the search it was taken on.
 */
export interface SearchSnapshot<T> {
  key: string;
  more: T | undefined;
  scrollY: number;
  /** The first result card in view (its link) and how far below the window's top it was. */
  anchor?: { href: string; top: number };
}

const KEY = 'chedun.search';
const CARD = '.product-card';

export function readSearchSnapshot<T>(key: string): SearchSnapshot<T> | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const snapshot = raw ? (JSON.parse(raw) as SearchSnapshot<T>) : undefined;
    return snapshot?.key === key ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

function anchorInView(): SearchSnapshot<unknown>['anchor'] {
  for (const card of document.querySelectorAll<HTMLElement>(CARD)) {
    const box = card.getBoundingClientRect();
    const href = card.querySelector('a')?.getAttribute('href');
    if (box.bottom > 0 && href) return { href, top: box.top };
  }
  return undefined;
}

/**
 * Keeps the snapshot of the search at `key` as the visitor loads more and scrolls, and once more as the page goes
 * (a click on a result can come before the next frame's save). A scroll once the address is another page's (the
 * router scrolls a new page to the top) is not this search's.
 */
export function useKeepSearchSnapshot<T>(key: string, more: T | undefined): void {
  useEffect(() => {
    const here = () =>
      window.location.pathname === '/search' && new URLSearchParams(window.location.search).toString() === key;
    let place = { scrollY: window.scrollY, anchor: anchorInView() };
    const save = () => {
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ key, more, ...place } satisfies SearchSnapshot<T>));
      } catch {
        // A full or disabled storage costs only the restoring.
      }
    };
    save();
    let frame = 0;
    const onScroll = () => {
      if (!here()) return;
      place = { scrollY: window.scrollY, anchor: anchorInView() };
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(save);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      save();
    };
  }, [key, more]);
}

/**
 * Scrolls back to where the snapshot was taken: its anchor card where it was in the window, else the same offset.
 * What loads after the results (facets, ratings) can still move them, so the place is kept as the page's size
 * changes, until the visitor scrolls, types or touches, or two seconds have passed.
 */
export function restoreSearchPlace(place: Pick<SearchSnapshot<unknown>, 'scrollY' | 'anchor'>): () => void {
  const apply = () => {
    const link = place.anchor && document.querySelector(`${CARD} a[href="${CSS.escape(place.anchor.href)}"]`);
    const card = link?.closest(CARD);
    if (card && place.anchor) window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - place.anchor.top);
    else window.scrollTo(0, place.scrollY);
  };
  apply();
  const observer = new ResizeObserver(apply);
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const event of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const)
      window.removeEventListener(event, stop);
  };
  const timer = setTimeout(stop, 2_000);
  for (const event of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const)
    window.addEventListener(event, stop, { passive: true });
  return stop;
}
