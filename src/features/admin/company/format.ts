import { parsePhoneNumberFromString } from 'libphonenumber-js';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (ms: number) => dateTime.format(ms);

/** "+44 20 7123 4567" for "+442071234567"; anything unparsable as written. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
