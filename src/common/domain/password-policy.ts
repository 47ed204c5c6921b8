import { z } from 'zod/mini';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Well-known passwords and the words they are built from. A password is refused when it is one of them,
 * or one of them padded with digits and symbols ("Password2026!", "qwerty123456").
 */
const COMMON = `password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop qwertyuiopasdf asdfghjkl zxcvbnm azerty letmein
welcome iloveyou admin administrator root changeme secret monkey dragon football baseball master sunshine princess
shadow superman batman trustno1 starwars whatever freedom computer internet abc abcdef abcdefgh abcd1234 test tester
default guest login hello hello123 qazwsx 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y zaq12wsx qwer1234 asdf1234 pass switchboard
acme callcentre callcenter softphone company summer winter spring autumn january monday
123456789012 1234567890 12345678901 0123456789 9876543210 111111111111 000000000000 123123123123 112233445566
passwordpassword password1234 qwerty123456 iloveyou1234 welcome12345 changemechangeme`.split(/\s+/);
const COMMON_SET = new Set(COMMON);

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Passwords are at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Passwords are up to ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON_SET.has(lower) || COMMON_SET.has(core) || /^(.)\1+$/u.test(password) || /^(.{1,4})\1+$/u.test(password)) {
    return 'That password is too common: choose another';
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'The password must not contain your email address';
  return undefined;
}

/** A zod field for a new password. */
export const newPasswordSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);
