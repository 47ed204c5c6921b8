import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { isE164 } from '../dial-plan';

const FORMAT_HINT = 'in international format, e.g. +44 20 7946 0958';

// Numbers recently read, by how they were written: one call reads its caller's number several times (routing,
// contacts, bindings), and a number's parse is the same every time. Bounded: emptied when full.
const recentE164 = new Map<string, string | null>();
const RECENT_E164_MAX = 1000;

/** The E.164 form of a phone number (`+442079460958`), or null when it is not a valid number. */
export function toE164(input: string): string | null {
  const known = recentE164.get(input);
  if (known !== undefined) return known;
  const trimmed = input.trim();
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  const parsed = international.startsWith('+') ? parsePhoneNumberFromString(international) : undefined;
  const e164 = parsed?.isValid() ? parsed.number : null;
  if (recentE164.size >= RECENT_E164_MAX) recentE164.clear();
  recentE164.set(input, e164);
  return e164;
}

/**
 * A number an agent dialled → E.164: international numbers as they are, national numbers (`020 7123 4567`)
 * read in the organisation's country. Null when it is not a valid number there.
 */
export function normalisePhoneNumber(input: string, country: string): string | null {
  const trimmed = input.trim();
  if (/^(\+|00)/.test(trimmed)) return toE164(trimmed);
  const parsed = parsePhoneNumberFromString(trimmed, country as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** A number for people to read, in international format (`+44 20 7123 4567`); as given when unknown. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * True when both strings are the same phone number, however they are written. A caller ID the numbering
 * plan does not know (a new range, a test range) still matches itself digit for digit; a withheld or
 * non-numeric caller ID ("anonymous") matches nothing.
 */
export function samePhoneNumber(a: string, b: string): boolean {
  const left = phoneKey(a);
  return left !== null && left === phoneKey(b);
}

/**
 * The one spelling of a phone number that stored numbers are matched by: E.164, or the raw `+digits` of a number
 * outside the plan; null for a withheld or non-numeric caller ID.
 */
export function phoneKey(value: string): string | null {
  const compact = value.replace(/[\s()-]/g, '');
  return toE164(value) ?? (isE164(compact) ? compact : null);
}

function problemWith(value: string): string | null {
  if (value === '') return `Enter a phone number ${FORMAT_HINT}`;
  if (!/^(\+|00)/.test(value)) return `Start the number with + and the country code, ${FORMAT_HINT}`;
  return toE164(value) === null ? `This is not a valid phone number; write it ${FORMAT_HINT}` : null;
}

/** Accepts a phone number written any usual international way and outputs it in E.164. */
export const e164Schema = z
  .string({ error: `Enter a phone number ${FORMAT_HINT}` })
  .trim()
  .superRefine((value, ctx) => {
    const problem = problemWith(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => toE164(value) as string);
export type E164 = z.infer<typeof e164Schema>;

/**
 * A caller's number for "Who would ring?": any number a phone network could deliver, including ranges the
 * numbering plan reserves (drama and test ranges such as +44 7700 900xxx), normalised to E.164.
 */
export const callerNumberSchema = z
  .string({ error: `Enter a phone number ${FORMAT_HINT}` })
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: `Enter a phone number ${FORMAT_HINT}` });
    else if (!/^(\+|00)/.test(value))
      ctx.addIssue({ code: 'custom', message: `Start the number with + and the country code, ${FORMAT_HINT}` });
    else if (possibleE164(value) === null)
      ctx.addIssue({ code: 'custom', message: `This is not a phone number; write it ${FORMAT_HINT}` });
  })
  .transform((value) => possibleE164(value) as string);

/** E.164 of a number that is valid, or at least of a possible length for its country. */
function possibleE164(input: string): string | null {
  const valid = toE164(input);
  if (valid) return valid;
  const trimmed = input.trim();
  const parsed = parsePhoneNumberFromString(trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed);
  return parsed?.isPossible() ? parsed.number : null;
}
