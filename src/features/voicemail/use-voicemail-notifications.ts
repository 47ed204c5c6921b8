import { useEffect, useRef } from 'react';
import { formatDuration } from '../../common/format';
import { useFormats } from '../../components/format';
import { notify } from '../../components/ui/toast-store';
import { useVoicemail } from './voicemail-api';

/**
 * A new unheard message is a toast ("Open" runs `openInbox`) and, while the tab is hidden, a desktop notification
 * too; clicking that brings the tab forward. Messages already there when the inbox first loads are not news.
 */
export function useVoicemailNotifications(openInbox: () => void): void {
  const inbox = useVoicemail();
  const seen = useRef<Set<string> | undefined>(undefined);
  const formats = useFormats();
  const open = useRef(openInbox);
  useEffect(() => void (open.current = openInbox), [openInbox]);
  useEffect(() => {
    if (!inbox.data) return;
    if (!seen.current) {
      seen.current = new Set(inbox.data.map((m) => m.id));
      return;
    }
    for (const m of inbox.data) {
      if (seen.current.has(m.id)) continue;
      seen.current.add(m.id);
      if (m.heardAt !== null) continue;
      const title = `New voicemail from ${m.caller.name ?? formats.phone(m.caller.number)}`;
      const body = `${m.number.displayName}, ${formatDuration(m.durationMs)}`;
      notify({
        id: `voicemail-${m.id}`,
        title,
        body,
        action: { label: 'Open', altText: 'Open it from Voicemail in the main navigation.', run: () => open.current() },
      });
      if (typeof Notification === 'undefined' || !document.hidden || Notification.permission !== 'granted') continue;
      const n = new Notification(title, { body, tag: `voicemail-${m.id}` });
      n.onclick = () => window.focus();
    }
  }, [inbox.data, formats]);
}
