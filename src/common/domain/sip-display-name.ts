import { z } from 'zod/mini';

/**
 * Names that end up in SIP headers (an agent's name is the From display name of every call they place).
 * One rule for what the API accepts, one escape for wherever a name is written into SIP.
 */
const FORBIDDEN = /[\p{Cc}\u2028\u2029"\\<>]/u;

export const personNameProblem = (name: string): string | undefined =>
  FORBIDDEN.test(name) ? 'Names may not contain quotes, backslashes, angle brackets or line breaks' : undefined;

/** A person's name as the API accepts it: trimmed, 1–80 characters, nothing that could break a SIP header. */
export const personNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter a name'),
  z.maxLength(80, 'Names are up to 80 characters'),
  z.superRefine((name, ctx) => {
    const problem = personNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/**
 * The content of a SIP quoted-string display name: line breaks and other control characters become spaces,
 * quotes become apostrophes, backslashes slashes and angle brackets parentheses, so the result can sit between the quotes of a From
 * header and never end it or start another header. (RFC 3261 allows `\"` inside the quotes, but Kamailio
 * refuses such a From with 400 and reads a `<` inside the quotes as the URI's start, so the call would fail: replacing keeps the call and the name readable.)
 */
export function sipDisplayName(name: string): string {
  return name
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/</g, '(')
    .replace(/>/g, ')')
    .trim()
    .slice(0, 120);
}
