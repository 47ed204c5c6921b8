import { z } from 'zod/mini';
import { newPasswordSchema } from './domain/password-policy';

export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  email: z.string().check(z.trim(), z.toLowerCase(), z.email('Enter a valid email address')),
  password: z
    .string()
    .check(z.minLength(1, 'Enter your password'), z.maxLength(200, 'Passwords are up to 200 characters')),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** POST /api/auth/password: the person's own password change. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1, 'Enter your current password'), z.maxLength(200)),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const meSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  extension: z.nullable(z.string()),
  /** The organisation's country (ISO 3166 alpha-2): its numbers read in national format, national numbers dial there. */
  country: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** Short-lived credentials for Kamailio's auth_ephemeral: username `<expiry>:<extension>`. */
export const sipCredentialsSchema = z.object({
  username: z.string(),
  password: z.string(),
  /** The SIP identity: sip:<extension>@<domain>. */
  uri: z.string(),
  displayName: z.string(),
  domain: z.string(),
  wsUrl: z.string(),
  /** Epoch milliseconds after which Kamailio refuses these credentials. */
  expiresAt: z.number(),
});
export type SipCredentials = z.infer<typeof sipCredentialsSchema>;
