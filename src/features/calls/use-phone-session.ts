import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { fetchSipCredentials } from '../auth/auth-api';
import { startPhoneSession } from './phone-session';

/** The phone session (feed, registration, credential renewal) for as long as the agent is signed in. */
export function usePhoneSession(enabled: boolean): void {
  const { phone, feed, health } = useServices();
  useEffect(() => {
    if (!enabled) return;
    // The page's own checks (microphone, sound) run for the same span as the phone.
    void health.start();
    const stop = startPhoneSession({
      phone,
      feed,
      fetchCredentials: fetchSipCredentials,
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    });
    return () => {
      stop();
      health.stop();
    };
  }, [enabled, phone, feed, health]);
}
