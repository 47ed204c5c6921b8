import { useQuery } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { CallOffered } from '../../common/calls';
import type { StaffView } from '../../common/api/staff';
import { useFormats } from '../../components/format';
import type { CallSnapshot } from '../../sip/phone-store';
import { staffQuery } from '../admin/staff/staff-api';
import { selectOffer } from './offers-store';

/** Who is on the other end, as both ends of a call write it: "Alice Agent (1001)", "Jane Roe (07700 900123)". */
export type RemoteParty = {
  /** The headline: a name when one is known, else the number as the agent reads it. */
  name: string;
  /** Beside the name: the extension or number; null when the name is the number. */
  detail: string | null;
  /** The raw number or extension behind `detail`, for E.164 on hover (null for extensions). */
  number: string | null;
  /** A phone-network caller with no contact. */
  unknownCaller: boolean;
  /** Someone of the organisation, found by extension. */
  teammate: boolean;
};

/**
 * The one place that decides who is calling (or being called): the companion's routed-call offer first (the contact's
 * name, the caller's number), then a teammate by extension, then the name the SIP peer sent, then the number itself.
 */
export function remoteParty(
  call: CallSnapshot,
  offer: CallOffered | undefined,
  staff: readonly StaffView[] | undefined,
  phone: (n: string) => string,
): RemoteParty {
  if (offer) {
    const { caller } = offer;
    return caller.name
      ? {
          name: caller.name,
          detail: phone(caller.number),
          number: caller.number,
          unknownCaller: false,
          teammate: false,
        }
      : {
          name: phone(caller.number),
          detail: null,
          number: caller.number,
          unknownCaller: !caller.known,
          teammate: false,
        };
  }
  const user = call.remote.user;
  const teammate = staff?.find((s) => s.extension !== null && s.extension === user);
  if (teammate) return { name: teammate.name, detail: user, number: null, unknownCaller: false, teammate: true };
  const shown = phone(user);
  const display = call.remote.displayName.trim();
  const number = /^\+/.test(user) ? user : null;
  if (display && display !== user)
    return { name: display, detail: shown, number, unknownCaller: false, teammate: false };
  return { name: shown, detail: null, number, unknownCaller: false, teammate: false };
}

export function useRemoteParty(call: CallSnapshot): RemoteParty & { offer?: CallOffered } {
  const { offers } = useServices();
  const offer = useStore(offers, selectOffer(call.sipCallId))?.offer;
  const staff = useQuery({ ...staffQuery, staleTime: 5 * 60_000 }).data;
  const formats = useFormats();
  return { ...remoteParty(call, offer, staff, formats.phone), offer };
}
