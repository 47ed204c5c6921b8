import { z } from 'zod';

function isIanaTimeZone(value: string): boolean {
  if (!value.includes('/') && value !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/London`; fixed offsets and abbreviations are refused. */
export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isIanaTimeZone, 'Choose a time zone by its region name, e.g. Europe/London');
export type TimeZone = z.infer<typeof timeZoneSchema>;
