import { useEffect } from 'react';

/** The favicon while a call rings: the phone in white on green, with a ring mark. */
export const RINGING_ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1a7f37"/><path d="M10 8c1 6 6 13 14 16l2-4-5-2-2 2c-3-2-5-4-7-7l2-2-2-5z" fill="#fff"/><circle cx="25" cy="7" r="5" fill="#ffd33d"/></svg>',
  );
const FLASH_MS = 1000;

type Timers = { setInterval: (fn: () => void, ms: number) => unknown; clearInterval: (handle: unknown) => void };
const realTimers: Timers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as number),
};

/**
 * While `who` is calling, the tab's title and icon flash ("Incoming call: Bob Agent" ↔ the page's own), so the
 * call is seen from another tab too; both are put back when it stops ringing.
 */
export function useRingingAttention(who: string | null, timers: Timers = realTimers): void {
  useEffect(() => {
    if (who === null) return;
    // The page's own title, which the screen shown may change while it rings (a link opened meanwhile).
    let own = document.title;
    let written: string | null = null;
    const icon = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    const href = icon?.getAttribute('href') ?? null;
    let lit = false;
    const flash = () => {
      if (written !== null && document.title !== written) own = document.title;
      lit = !lit;
      written = lit ? `Incoming call: ${who}` : own;
      document.title = written;
      if (icon) icon.href = lit ? RINGING_ICON : (href ?? '');
    };
    flash();
    const handle = timers.setInterval(flash, FLASH_MS);
    return () => {
      timers.clearInterval(handle);
      if (document.title === written) document.title = own;
      if (icon && href !== null) icon.setAttribute('href', href);
    };
  }, [who, timers]);
}
