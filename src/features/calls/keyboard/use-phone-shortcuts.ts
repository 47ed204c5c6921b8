import { useEffect } from 'react';
import { useServices } from '../../../app/services-context';
import type { Phone } from '../../../sip/phone';
import type { CallSnapshot } from '../../../sip/phone-store';
import { shortcutFor, type ShortcutId } from './shortcuts';

/** The dialer's number field, found by this id (dialer.tsx). */
export const DIALER_INPUT_ID = 'dialer-number';

const ringing = (calls: CallSnapshot[]) => calls.find((c) => c.direction === 'inbound' && c.status === 'ringing');
/** The call the agent is talking on, else one being placed, else one on hold. */
const current = (calls: CallSnapshot[]) =>
  calls.find((c) => c.status === 'active') ??
  calls.find((c) => c.status === 'dialing' || c.status === 'early') ??
  calls.find((c) => c.status === 'held');

/**
 * What a shortcut does to the phone now; false when there is nothing for it to act on. `showDialer` opens the
 * screen with the dialer when another screen is shown.
 */
export function runShortcut(id: ShortcutId, phone: Phone, openHelp: () => void, showDialer?: () => void): boolean {
  const calls = phone.store.getState().calls;
  const call = current(calls);
  switch (id) {
    case 'answer': {
      const offer = ringing(calls);
      if (offer) void phone.answer(offer.id);
      return Boolean(offer);
    }
    case 'decline': {
      const offer = ringing(calls);
      if (offer) void phone.decline(offer.id);
      return Boolean(offer);
    }
    case 'hang-up':
      if (call) void phone.hangup(call.id);
      return Boolean(call);
    case 'mute':
      if (call && (call.status === 'active' || call.status === 'held')) phone.setMuted(call.id, !call.muted);
      return Boolean(call);
    case 'hold':
      if (call && (call.status === 'active' || call.status === 'held'))
        void phone.setHeld(call.id, call.status === 'active');
      return Boolean(call);
    case 'dialer': {
      const input = document.getElementById(DIALER_INPUT_ID);
      if (input) input.focus();
      else showDialer?.();
      return Boolean(input ?? showDialer);
    }
    case 'help':
      openHelp();
      return true;
  }
}

/** The phone's keyboard shortcuts, on the whole page while it is mounted. */
export function usePhoneShortcuts(openHelp: () => void, showDialer?: () => void): void {
  const { phone } = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const dialogOpen = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
      const id = shortcutFor(e, dialogOpen);
      if (id && runShortcut(id, phone, openHelp, showDialer)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone, openHelp, showDialer]);
}
