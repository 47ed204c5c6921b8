import { useEffect, useMemo, useRef } from 'react';
import type { NotificationView } from '../../common/notifications';
import { useFormats } from '../../components/format';
import { notify } from '../../components/ui/toast-store';
import { kindLabel } from './format';
import { useNotifications } from './notifications-query';
import { openFor } from './notifications-cache';

/**
 * The agent's open unknown callers, watched on every screen: each new one is a toast ("Open" runs `openScreen`)
 * and, while the tab is hidden, a desktop notification too.
 */
export function useUnknownCallerAlerts(meId: string, openScreen: () => void): void {
  const { data } = useNotifications();
  const open = useMemo(() => openFor(data ?? [], meId), [data, meId]);
  useNotificationAlerts(open, data !== undefined, openScreen);
}

/** New ones among `open`: a toast, and a desktop notification while the tab is hidden; clicking it brings the tab forward. */
export function useNotificationAlerts(open: NotificationView[], loaded: boolean, openScreen: () => void): void {
  const seen = useRef<Set<string> | null>(null);
  const formats = useFormats();
  const openRef = useRef(openScreen);
  useEffect(() => void (openRef.current = openScreen), [openScreen]);
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
      const title = `${kindLabel[n.kind]} from ${formats.phone(n.caller)}`;
      const body = `${n.number.displayName}: unclaimed${n.texts.at(-1) ? ` · ${n.texts.at(-1)!.body.slice(0, 80)}` : ''}`;
      notify({
        id: `unknown-caller-${n.id}`,
        title,
        body,
        action: {
          label: 'Open',
          altText: 'Open it from Unknown callers in the main navigation.',
          run: () => openRef.current(),
        },
      });
      if (typeof Notification === 'undefined' || !document.hidden || Notification.permission !== 'granted') continue;
      const alert = new Notification(title, { body, tag: n.id });
      alert.onclick = () => window.focus();
    }
  }, [open, loaded, formats]);
}
