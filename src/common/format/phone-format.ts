import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** What a phone number shows and what it copies: `07700 900123` to read, `+447700900123` on hover and copy. */
export type PhoneText = { text: string; e164: string | null };

/**
 * A number as a person in `country` writes it: national format for numbers of that country's calling code ("020 7123 4567"),
 * international for the rest ("+1 415 555 0100"). Anything that is not a phone number (an extension, "anonymous")
 * is shown as given, with no E.164 form.
 */
export function phoneText(value: string, country: string): PhoneText {
  const trimmed = value.trim();
  if (!/^(\+|00)/.test(trimmed)) return { text: value, e164: null };
  const parsed = parsePhoneNumberFromString(trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed);
  // A possible number (a test or drama range the plan reserves, e.g. +44 7700 900123) is still a number.
  if (!parsed?.isPossible()) return { text: value, e164: null };
  const home = parsed.countryCallingCode === callingCode(country);
  return { text: home ? parsed.formatNational() : parsed.formatInternational(), e164: parsed.number };
}

export const formatPhoneNumber = (value: string, country: string): string => phoneText(value, country).text;

/** "44" for GB (and for Jersey, Guernsey and the Isle of Man, which share it); undefined for an unknown country. */
function callingCode(country: string): string | undefined {
  try {
    return getCountryCallingCode(country.toUpperCase() as CountryCode);
  } catch {
    return undefined;
  }
}
