import { z } from 'zod/mini';
import { awayReasonSchema } from '../presence';

/** Wrap-up after every answered call: 0 turns it off; at most ten minutes. */
export const MAX_WRAP_UP_SECONDS = 600;
/** How many away reasons an organisation may keep. */
export const MAX_AWAY_REASONS = 20;

export const wrapUpSettingSchema = z.object({
  wrapUpSeconds: z
    .number({ error: 'Wrap-up must be a number of seconds' })
    .check(
      z.int('Wrap-up must be a whole number of seconds'),
      z.gte(0, 'Wrap-up cannot be negative (0 turns it off)'),
      z.lte(MAX_WRAP_UP_SECONDS, `Wrap-up can be at most ${MAX_WRAP_UP_SECONDS} seconds`),
    ),
});
export type WrapUpSetting = z.infer<typeof wrapUpSettingSchema>;

/** A reason's name as an admin writes it: trimmed, 1–40 characters, no control characters. */
export const awayReasonInputSchema = z.object({
  name: z.string({ error: 'Name the reason' }).check(
    z.trim(),
    z.minLength(1, 'Name the reason'),
    z.maxLength(40, 'A reason can be at most 40 characters'),
    // eslint-disable-next-line no-control-regex
    z.refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'A reason cannot contain control characters'),
  ),
});
export type AwayReasonInput = z.infer<typeof awayReasonInputSchema>;

/** GET /api/org/presence-settings: what every member of the organisation may read. */
export const presenceSettingsViewSchema = z.object({
  wrapUpSeconds: z.number().check(z.int()),
  awayReasons: z.array(awayReasonSchema),
  updatedAt: z.nullable(z.number().check(z.int())),
  updatedBy: z.nullable(z.string()),
});
export type PresenceSettingsView = z.infer<typeof presenceSettingsViewSchema>;
