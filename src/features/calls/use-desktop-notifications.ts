import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { selectOwnsPhone } from '../../app/tab-phone';
import { spokenReason } from '../../common/spoken-reason';
import { useFormats } from '../../components/format';

/**
 * While the tab is hidden, a call that starts ringing raises a desktop notification (with the routed
 * call's reason); clicking it brings the tab forward. Only the tab that owns the phone raises it (one
 * notification per call, however many tabs are open). Permission is asked on the first click in the app.
 */
export function useDesktopNotifications(): void {
  const { phone, offers } = useServices();
  const formats = useFormats();
  useEffect(() => {
    if (typeof Notification === 'undefined') return;
    const ask = () => {
      if (Notification.permission === 'default') void Notification.requestPermission();
    };
    window.addEventListener('click', ask, { once: true });
    const shown = new Set<string>();
    const unsubscribe = phone.store.subscribe((state) => {
      for (const c of state.calls) {
        if (c.direction !== 'inbound' || c.status !== 'ringing' || shown.has(c.id)) continue;
        shown.add(c.id);
        if (!selectOwnsPhone(phone.tab.getState())) continue;
        if (!document.hidden || Notification.permission !== 'granted') continue;
        const routed = offers.getState().bySipCallId[c.sipCallId]?.offer;
        const who = routed
          ? (routed.caller.name ?? formats.phone(routed.caller.number))
          : c.remote.displayName || formats.phone(c.remote.user);
        const body = routed
          ? `${routed.number.displayName}: ${spokenReason(routed.reason, routed.number.displayName)}`
          : undefined;
        const n = new Notification(`Incoming call from ${who}`, { body, tag: c.id });
        n.onclick = () => window.focus();
      }
    });
    return () => {
      window.removeEventListener('click', ask);
      unsubscribe();
    };
  }, [phone, offers, formats]);
}
