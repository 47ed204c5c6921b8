/**
 * The dial plan: what a dialled string is. The one home of these rules: the browser's dialer, the
 * companion and Kamailio (its patterns are rendered from the regular expressions below by
 * scripts/stack/kamailio.ts) all read them here.
 *
 * - An **extension** is 3 to 6 digits: an agent of the organisation.
 * - A **phone number** is 7 to 15 digits, optionally after `+`: E.164 (with `+`) or a national number that
 *   the companion normalises with the organisation's country. Calls from the phone network to one of our
 *   virtual numbers use the same shape; calls from an agent to one go out to the phone network.
 *
 * - A **service code** is the voice portal, `*98`: the main number's voicemail box, opened with its PIN.
 *
 * They never overlap, so a 6-digit extension is never mistaken for a number.
 */
export const EXTENSION_MIN_DIGITS = 3;
export const EXTENSION_MAX_DIGITS = 6;
export const PHONE_NUMBER_MIN_DIGITS = 7;
export const PHONE_NUMBER_MAX_DIGITS = 15;

/**
 * POSIX extended regular expressions (Kamailio's `=~` and JavaScript read them alike). The `_DIGITS` fragments
 * are unanchored, for patterns that embed them (`portal-ext-<extension>`, `sip:<E.164>@host`).
 */
export const EXTENSION_DIGITS = `[0-9]{${EXTENSION_MIN_DIGITS},${EXTENSION_MAX_DIGITS}}`;
export const PHONE_NUMBER_DIGITS = `\\+?[0-9]{${PHONE_NUMBER_MIN_DIGITS},${PHONE_NUMBER_MAX_DIGITS}}`;
/** E.164: `+` and the phone number's digits (caller IDs we assert, text senders and targets, unknown callers). */
export const E164_DIGITS = `\\+[0-9]{${PHONE_NUMBER_MIN_DIGITS},${PHONE_NUMBER_MAX_DIGITS}}`;
export const EXTENSION_PATTERN = `^${EXTENSION_DIGITS}$`;
export const PHONE_NUMBER_PATTERN = `^${PHONE_NUMBER_DIGITS}$`;
export const E164_PATTERN = `^${E164_DIGITS}$`;

const extensionRe = new RegExp(EXTENSION_PATTERN);
const phoneNumberRe = new RegExp(PHONE_NUMBER_PATTERN);
const e164Re = new RegExp(E164_PATTERN);

/** The voice portal's code (Kamailio hands it to the voicemail service, route[VOICEMAIL_PORTAL]). */
export const VOICE_PORTAL_CODE = '*98';

export type DialKind = 'extension' | 'phone-number' | 'service';

/** Spaces, dashes, dots and brackets people type into numbers. */
export function cleanDialString(input: string): string {
  return input.trim().replace(/[\s\-().]/g, '');
}

export const isExtension = (value: string): boolean => extensionRe.test(value);
export const isPhoneNumber = (value: string): boolean => phoneNumberRe.test(value);
/** `+` and 7 to 15 digits, whether or not the numbering plan knows the range. */
export const isE164 = (value: string): boolean => e164Re.test(value);

/** What the cleaned dial string is, or null when it is neither an extension nor a phone number. */
export function classifyDialString(input: string): DialKind | null {
  const value = cleanDialString(input);
  if (isExtension(value)) return 'extension';
  if (value === VOICE_PORTAL_CODE) return 'service';
  if (isPhoneNumber(value)) return 'phone-number';
  return null;
}

export const EXTENSION_HINT = `An extension is ${EXTENSION_MIN_DIGITS} to ${EXTENSION_MAX_DIGITS} digits`;
