import { z } from 'zod';
import { staffIdSchema } from './staff';

/** Who may present the number as caller ID on outbound calls. */
export const callerIdAllowlistSchema = z.object({
  /** Staff who are destinations of the number may use it. */
  destinationStaff: z.boolean(),
  staffIds: z
    .array(staffIdSchema)
    .refine((ids) => new Set(ids).size === ids.length, 'Each staff member may be listed only once'),
  allStaff: z.boolean(),
});
export type CallerIdAllowlist = z.infer<typeof callerIdAllowlistSchema>;

export const callerIdNobody: CallerIdAllowlist = { destinationStaff: false, staffIds: [], allStaff: false };
