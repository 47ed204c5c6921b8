import { z } from 'zod/mini';
import { roleSchema } from '../auth';
import { EXTENSION_HINT, EXTENSION_PATTERN } from '../dial-plan';
import { newPasswordSchema } from '../domain/password-policy';
import { personNameSchema } from '../domain/sip-display-name';

/** A staff member as the organisation sees them (pickers, the admin's staff list). */
export const staffViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  extension: z.nullable(z.string()),
});
export type StaffView = z.infer<typeof staffViewSchema>;
export const staffListSchema = z.array(staffViewSchema);

const name = personNameSchema;
const email = z.string().check(z.trim(), z.toLowerCase(), z.email('Enter a valid email address'));
const extension = z.nullable(z.string().check(z.regex(new RegExp(EXTENSION_PATTERN), EXTENSION_HINT)));
const password = newPasswordSchema;

/** POST /api/staff (admins only). */
export const newStaffSchema = z.strictObject({ name, email, role: roleSchema, extension, password });
export type NewStaffInput = z.infer<typeof newStaffSchema>;

/** PATCH /api/staff/:id (admins only): any subset of the fields. */
export const staffUpdateSchema = z
  .partial(z.strictObject({ name, email, role: roleSchema, extension, password }))
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'Change at least one field'));
export type StaffUpdateInput = z.infer<typeof staffUpdateSchema>;
