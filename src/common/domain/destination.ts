import { z } from 'zod';
import { e164Schema } from './phone-number';
import { staffIdSchema } from './staff';

export const dialPatterns = ['simultaneous', 'round-robin', 'sequential', 'least-connected'] as const;
export const dialPatternSchema = z.enum(dialPatterns, {
  error: 'Choose a dial pattern: simultaneous, round-robin, sequential or least-connected',
});
export type DialPattern = z.infer<typeof dialPatternSchema>;

export const staffDestinationSchema = z.object({ kind: z.literal('staff'), staffId: staffIdSchema });

/** An external number; the extension is dialled after `dialDelaySeconds` once the far end answers. */
export const externalDestinationSchema = z.object({
  kind: z.literal('external'),
  number: e164Schema,
  dialExtension: z
    .string()
    .regex(/^[0-9*#,]{1,20}$/, 'A dial extension is up to 20 digits, * or #')
    .optional(),
  dialDelaySeconds: z.number().int().min(0).max(60, 'Wait at most 60 seconds before dialling the extension').optional(),
});

export const groupDestinationSchema = z.object({
  kind: z.literal('group'),
  staffIds: z
    .array(staffIdSchema)
    .min(1, 'Add at least one staff member to the group')
    .refine((ids) => new Set(ids).size === ids.length, 'Each staff member may be in the group only once'),
  pattern: dialPatternSchema,
});

export const voicemailDestinationSchema = z.object({ kind: z.literal('voicemail') });

export const destinationSchema = z.discriminatedUnion(
  'kind',
  [staffDestinationSchema, externalDestinationSchema, groupDestinationSchema, voicemailDestinationSchema],
  { error: 'Choose a destination: staff, external, group or voicemail' },
);
export type Destination = z.infer<typeof destinationSchema>;
export type StaffDestination = z.infer<typeof staffDestinationSchema>;
export type ExternalDestination = z.infer<typeof externalDestinationSchema>;
export type GroupDestination = z.infer<typeof groupDestinationSchema>;

export const DEFAULT_RING_TIMEOUT_SECONDS = 20;
export const ringTimeoutSchema = z
  .number()
  .int('Ring timeout is a whole number of seconds')
  .min(5, 'Ring for at least 5 seconds')
  .max(300, 'Ring for at most 300 seconds');

/** Same destination, however it was written (used to count a number's distinct destinations). */
export function destinationKey(destination: Destination): string {
  switch (destination.kind) {
    case 'staff':
      return `staff:${destination.staffId}`;
    case 'external':
      return `external:${destination.number}:${destination.dialExtension ?? ''}`;
    case 'group':
      return `group:${destination.pattern}:${destination.staffIds.join(',')}`;
    case 'voicemail':
      return 'voicemail';
  }
}
