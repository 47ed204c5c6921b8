import { isE164 } from '../../common/dial-plan';
import { ruleDestinations } from '../../common/domain/routing-rule';
import { formatPhone, toE164 } from '../../common/domain/phone-number';
import type { VirtualNumber } from '../../common/domain/virtual-number';

/**
 * Who may present which number as caller ID on an outbound call: the one home of the rule. The SIP hook
 * (every outbound INVITE), the caller-ID picker (GET /api/me/caller-ids) and the routing dry run all ask it.
 */

/** Staff ids the number's routing rule can ring (staff destinations and group members). */
export function destinationStaffIds(number: VirtualNumber): string[] {
  if (number.kind !== 'standard') return [];
  return ruleDestinations(number.routing.rule).flatMap(({ destination }) => {
    if (destination.kind === 'staff') return [destination.staffId];
    return destination.kind === 'group' ? destination.staffIds : [];
  });
}

/**
 * The allowlist alone: the main number never; a company number any staff member; a standard number per its
 * allowlist (destination staff toggle, listed staff, All Staff). Expiry is checked by `checkCallerId`.
 */
export function mayPresentCallerId(number: VirtualNumber, staffId: string): boolean {
  switch (number.kind) {
    case 'main':
      return false;
    case 'company':
      return true;
    case 'standard': {
      const { callerIds } = number.routing;
      if (callerIds.allStaff || callerIds.staffIds.includes(staffId)) return true;
      return callerIds.destinationStaff && destinationStaffIds(number).includes(staffId);
    }
  }
}

export const isExpired = (number: VirtualNumber, now: number): boolean => number.expiresAt <= now;

/** The numbers of the organisation this agent may present now, in the organisation's number order. */
export function allowedCallerIds<N extends VirtualNumber>(numbers: N[], staffId: string, now: number): N[] {
  return numbers.filter((n) => !isExpired(n, now) && mayPresentCallerId(n, staffId));
}

/** Engagement mode can be used with this number (local, engagement on). */
export function engagementAvailable(number: VirtualNumber): boolean {
  return number.kind === 'standard' && number.type === 'local' && number.routing.engagement.enabled;
}

export type CallerIdRefusal =
  'not-e164' | 'not-ours' | 'main-number' | 'expired' | 'not-allowed' | 'none-allowed' | 'no-engagement';

export type CallerIdVerdict<N extends VirtualNumber> =
  { ok: true; number: N } | { ok: false; refusal: CallerIdRefusal; message: string };

/**
 * May `staffId` present `requested` (the raw header value; empty: their default) on a call, with or without
 * engagement mode? `fallback` is the agent's default number (last used, else first allowed).
 */
export function checkCallerId<N extends VirtualNumber>(opts: {
  numbers: N[];
  staffId: string;
  requested: string;
  engagement: boolean;
  now: number;
  fallback?: N;
}): CallerIdVerdict<N> {
  const { numbers, staffId, now } = opts;
  const refuse = (refusal: CallerIdRefusal, message: string): CallerIdVerdict<N> => ({ ok: false, refusal, message });
  let number: N | undefined;
  if (opts.requested.trim() === '') {
    number = opts.fallback ?? allowedCallerIds(numbers, staffId, now)[0];
    if (!number)
      return refuse(
        'none-allowed',
        'You have no number you may present as caller ID; ask an admin to add you to a number’s caller ID list',
      );
  } else {
    const e164 = isE164(opts.requested.trim()) ? toE164(opts.requested.trim()) : null;
    if (!e164)
      return refuse('not-e164', 'The caller ID must be a phone number in international format (+ and country code)');
    number = numbers.find((n) => n.number === e164);
    const shown = formatPhone(e164);
    if (!number) return refuse('not-ours', `${shown} is not one of your organisation’s numbers`);
    if (number.kind === 'main') return refuse('main-number', `The main number ${shown} cannot be used as a caller ID`);
    if (isExpired(number, now)) return refuse('expired', `${shown} has expired and cannot be used as a caller ID`);
    if (!mayPresentCallerId(number, staffId))
      return refuse('not-allowed', `You may not present ${shown} as your caller ID`);
  }
  if (opts.engagement && !engagementAvailable(number)) {
    return refuse('no-engagement', `Engagement mode is not available on ${formatPhone(number.number)}`);
  }
  return { ok: true, number };
}
