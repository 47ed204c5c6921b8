import type { RegistrationQuery } from '../../common/sip-hooks';

/** One contact Kamailio holds for an extension: what it is, where the REGISTER came from, until when. */
export type RegisteredContact = { extension: string; contact: string; source: string; expiresAt: number };

/**
 * Who has a live SIP contact, as Kamailio reports it through its registration hook (after a companion restart
 * the phones REGISTER again as their feed reconnects).
 * Kamailio keeps one contact per extension, so a new REGISTER replaces the old one. A contact counts until
 * the expiry Kamailio gave it, its unREGISTER, its expiry event, or the close of the WebSocket it came over.
 * `changed(extension)` is called whenever an extension gains or loses its contact (also when it expires here).
 *
 * The clock is the real one (not the companion's business clock): expiries are Kamailio's seconds.
 */
export function createRegistrar(deps: {
  changed: (extension: string) => void;
  /** Every REGISTER Kamailio saved (also refreshes): the contact that now holds the extension. */
  registered?: (c: RegisteredContact) => void;
  clock?: () => number;
}) {
  const clock = deps.clock ?? Date.now;
  const contacts = new Map<string, RegisteredContact>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function drop(extension: string): void {
    clearTimeout(timers.get(extension));
    timers.delete(extension);
    if (contacts.delete(extension)) deps.changed(extension);
  }

  function put(c: RegisteredContact): void {
    const had = has(c.extension);
    contacts.set(c.extension, c);
    clearTimeout(timers.get(c.extension));
    const timer = setTimeout(
      () => {
        if (contacts.get(c.extension) === c) drop(c.extension);
      },
      Math.max(0, c.expiresAt - clock()) + 50,
    );
    timer.unref?.();
    timers.set(c.extension, timer);
    if (!had) deps.changed(c.extension);
    deps.registered?.(c);
  }

  function has(extension: string | null | undefined): boolean {
    const c = extension ? contacts.get(extension) : undefined;
    return c !== undefined && c.expiresAt > clock();
  }

  return {
    /** A fact from Kamailio's registration hook. */
    apply(q: RegistrationQuery): void {
      if (q.event === 'registered')
        return put({ extension: q.ext, contact: q.contact, source: q.source, expiresAt: clock() + q.expires * 1000 });
      if (q.event === 'removed') return drop(q.ext);
      if (q.event === 'expired') {
        // Only the contact that expired: a newer registration of the extension stays.
        if (contacts.get(q.ext)?.contact === q.contact) drop(q.ext);
        return;
      }
      for (const c of [...contacts.values()]) if (c.source === q.source) drop(c.extension);
    },
    has,
    stop(): void {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
export type Registrar = ReturnType<typeof createRegistrar>;
