import type { CountryCode } from 'libphonenumber-js';
import { cleanDialString, isE164 } from '../dial-plan';
import { numberingPlan, type NumberingPlan } from './numbering-plan';

/** What a phone number shows and what it copies: `07700 900123` to read, `+447700900123` on hover and copy. */
export type PhoneText = { text: string; e164: string | null };

/**
 * A number as a person in `country` writes it: national format for numbers of that country's calling code ("020 7123 4567"),
 * international for the rest ("+1 415 555 0100"). Anything that is not a phone number (an extension, "anonymous")
 * is shown as given, with no E.164 form. Until the numbering plan is in, a number is shown as given, with its
 * `+digits` as the E.164 form.
 */
export function phoneText(value: string, country: string, plan = numberingPlan()): PhoneText {
  const trimmed = value.trim();
  if (!/^(\+|00)/.test(trimmed)) return { text: value, e164: null };
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  if (!plan) {
    const compact = cleanDialString(international);
    return { text: value, e164: isE164(compact) ? compact : null };
  }
  const parsed = plan.parsePhoneNumberFromString(international);
  // A possible number (a test or drama range the plan reserves, e.g. +44 7700 900123) is still a number.
  if (!parsed?.isPossible()) return { text: value, e164: null };
  const home = parsed.countryCallingCode === callingCode(plan, country);
  return { text: home ? parsed.formatNational() : parsed.formatInternational(), e164: parsed.number };
}

export const formatPhoneNumber = (value: string, country: string, plan = numberingPlan()): string =>
  phoneText(value, country, plan).text;

/** "44" for GB (and for Jersey, Guernsey and the Isle of Man, which share it); undefined for an unknown country. */
function callingCode(plan: NumberingPlan, country: string): string | undefined {
  try {
    return plan.getCountryCallingCode(country.toUpperCase() as CountryCode);
  } catch {
    return undefined;
  }
}
