import { z } from 'zod';
import { ringTimeoutSchema } from './destination';
import { staffIdSchema } from './staff';

export const mainNumberStates = ['reserved', 'active'] as const;
export const mainNumberStateSchema = z.enum(mainNumberStates, { error: 'Choose reserved or active' });
export type MainNumberState = z.infer<typeof mainNumberStateSchema>;

export const DEFAULT_VOICEMAIL_PIN = '0000';

/** Where an unanswered hunt-group call goes next. */
export const mainNumberFollowUpSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('main-reception'),
      staffId: staffIdSchema,
      /** Greeting and comments shown to whoever answers at reception. */
      greeting: z.string().trim().max(500, 'The reception greeting is up to 500 characters'),
      ringSeconds: ringTimeoutSchema.default(30),
    }),
    z.object({ kind: z.literal('voicemail') }),
    z.object({ kind: z.literal('end') }),
  ],
  { error: 'Choose what follows the hunt group: main-reception, voicemail or end' },
);
export type MainNumberFollowUp = z.infer<typeof mainNumberFollowUpSchema>;

/** One branch (in hours or out of hours): ring the hunt group together, then the follow-up. */
export const mainNumberBranchSchema = z.object({
  huntGroup: z.object({
    staffIds: z
      .array(staffIdSchema)
      .refine((ids) => new Set(ids).size === ids.length, 'Each staff member may be in the hunt group only once'),
    ringSeconds: ringTimeoutSchema.default(20),
  }),
  then: mainNumberFollowUpSchema,
});
export type MainNumberBranch = z.infer<typeof mainNumberBranchSchema>;

/** Settings of an organisation's inbound-only main number. In or out of hours follows the organisation's business hours. */
export const mainNumberSettingsSchema = z.object({
  state: mainNumberStateSchema,
  inHours: mainNumberBranchSchema,
  outOfHours: mainNumberBranchSchema,
});
export type MainNumberSettings = z.infer<typeof mainNumberSettingsSchema>;

/** A voicemail PIN as an admin or the voice portal would set it: 4 to 8 digits. (Stored only as a hash, beside the settings.) */
export const voicemailPinSchema = z.string().regex(/^\d{4,8}$/, 'The voicemail PIN is 4 to 8 digits');
