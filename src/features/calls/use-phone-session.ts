import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import type { SipCredentials } from '../../common/auth';
import { fetchSipCredentials } from '../auth/auth-api';

/** Renew SIP credentials this long before they expire, so the agent never notices. */
const RENEW_BEFORE_MS = 5 * 60_000;
const RETRY_MS = 15_000;

/**
 * While the agent is signed in: the feed is open and the phone registered, with credentials renewed
 * before expiry. Failed credential fetches (companion down) retry by themselves.
 */
export function usePhoneSession(enabled: boolean): void {
  const { phone, feed, health } = useServices();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let started = false;

    const schedule = (c: SipCredentials) => {
      const lifetime = c.expiresAt - Date.now();
      timer = setTimeout(load, Math.max(10_000, Math.min(lifetime - RENEW_BEFORE_MS, lifetime / 2)));
    };
    async function load() {
      try {
        const c = await fetchSipCredentials();
        if (stopped) return;
        if (started) phone.updateCredentials(c);
        else {
          started = true;
          phone.start(c);
        }
        schedule(c);
      } catch {
        if (!stopped) timer = setTimeout(load, RETRY_MS);
      }
    }

    feed.start();
    void health.start();
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
      void phone.stop();
      health.stop();
      feed.stop();
    };
  }, [enabled, phone, feed, health]);
}
