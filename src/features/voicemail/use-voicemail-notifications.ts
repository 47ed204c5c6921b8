import { useEffect, useRef } from 'react';
import { formatDuration } from '../../common/format';
import { useFormats } from '../../components/format';
import { useVoicemail } from './voicemail-api';

/**
 * A new message that arrives while the tab is hidden raises a desktop notification; clicking it brings the
 * tab forward. Messages already there when the inbox first loads do not.
 */
export function useVoicemailNotifications(): void {
  const inbox = useVoicemail();
  const seen = useRef<Set<string> | undefined>(undefined);
  const formats = useFormats();
  useEffect(() => {
    if (!inbox.data) return;
    if (!seen.current) {
      seen.current = new Set(inbox.data.map((m) => m.id));
      return;
    }
    for (const m of inbox.data) {
      if (seen.current.has(m.id)) continue;
      seen.current.add(m.id);
      if (
        m.heardAt !== null ||
        typeof Notification === 'undefined' ||
        !document.hidden ||
        Notification.permission !== 'granted'
      )
        continue;
      const n = new Notification(`New voicemail from ${m.caller.name ?? formats.phone(m.caller.number)}`, {
        body: `${m.number.displayName}, ${formatDuration(m.durationMs)}`,
        tag: `voicemail-${m.id}`,
      });
      n.onclick = () => window.focus();
    }
  }, [inbox.data, formats]);
}
