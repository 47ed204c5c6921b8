import { useEffect, useState, type RefObject } from 'react';

export type RowWindow = { first: number; last: number; top: number; bottom: number };

/**
 * Which rows of a fixed-height list are in view of its scroller (plus `overscan` either side), and the space
 * above and below them: a virtualised list where rows are all `rowPx` high, so nothing is measured per row.
 */
export function rowWindow(
  count: number,
  rowPx: number,
  scrollTop: number,
  viewPx: number,
  overscan: number,
): RowWindow {
  if (count === 0) return { first: 0, last: -1, top: 0, bottom: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewPx) / rowPx) + overscan);
  return { first, last, top: first * rowPx, bottom: (count - 1 - last) * rowPx };
}

/** Follows the scroller's position and height (scroll events and resizes). */
export function useScrollView(scroller: RefObject<HTMLElement | null>, fallbackPx: number) {
  const [view, setView] = useState({ scrollTop: 0, height: fallbackPx });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => setView({ scrollTop: el.scrollTop, height: el.clientHeight || fallbackPx });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize?.disconnect();
    };
  }, [scroller, fallbackPx]);
  return view;
}
