import { useEffect, useRef } from 'react';
import type { NotificationView } from '../../common/notifications';
import { useFormats } from '../../components/format';
import { kindLabel } from './format';

/** While the tab is hidden, a new unknown caller raises a desktop notification; clicking it brings the tab forward. */
export function useNotificationAlerts(open: NotificationView[], loaded: boolean): void {
  const seen = useRef<Set<string> | null>(null);
  const formats = useFormats();
  useEffect(() => {
    if (!loaded) return;
    const ids = new Set(open.map((n) => n.id));
    if (seen.current === null) {
      // What was already there when the app loaded is not news.
      seen.current = ids;
      return;
    }
    for (const n of open) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      if (typeof Notification === 'undefined' || !document.hidden || Notification.permission !== 'granted') continue;
      const alert = new Notification(`${kindLabel[n.kind]} from ${formats.phone(n.caller)}`, {
        body: `${n.number.displayName}: unclaimed${n.texts.at(-1) ? ` · ${n.texts.at(-1)!.body.slice(0, 80)}` : ''}`,
        tag: n.id,
      });
      alert.onclick = () => window.focus();
    }
  }, [open, loaded, formats]);
}
