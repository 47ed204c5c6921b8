import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { selectOwnsPhone } from '../../app/tab-phone';
import { spokenReason } from '../../common/spoken-reason';
import { useFormats } from '../../components/format';
import { eachNewCall } from './each-new-call';

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
    const unsubscribe = eachNewCall(
      phone.store,
      (c) => c.direction === 'inbound' && c.status === 'ringing',
      (c) => {
        if (!selectOwnsPhone(phone.tab.getState())) return;
        if (!document.hidden || Notification.permission !== 'granted') return;
        const routed = offers.getState().bySipCallId[c.sipCallId]?.offer;
        const who = routed
          ? (routed.caller.name ?? formats.phone(routed.caller.number))
          : c.remote.displayName || formats.phone(c.remote.user);
        const body = routed
          ? `${routed.number.displayName}: ${spokenReason(routed.reason, routed.number.displayName)}`
          : undefined;
        const n = new Notification(`Incoming call from ${who}`, { body, tag: c.id });
        n.onclick = () => window.focus();
      },
    );
    return () => {
      window.removeEventListener('click', ask);
      unsubscribe();
    };
  }, [phone, offers, formats]);
}
