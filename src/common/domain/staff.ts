import { z } from 'zod';

/** A staff member as routing sees them. */
export const staffMemberSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  extension: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffIdSchema = z.string().min(1, 'Choose a staff member');
