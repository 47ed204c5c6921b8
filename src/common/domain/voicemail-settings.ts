import { z } from 'zod';

export const autoDeletePeriods = ['weekly', 'two-weeks', 'monthly', 'quarterly'] as const;
export const autoDeletePeriodSchema = z.enum(autoDeletePeriods, {
  error: 'Choose how often messages are deleted: weekly, two-weeks, monthly or quarterly',
});
export type AutoDeletePeriod = z.infer<typeof autoDeletePeriodSchema>;

/** Days a message is kept before it is deleted automatically. */
export const autoDeleteDays: Record<AutoDeletePeriod, number> = {
  weekly: 7,
  'two-weeks': 14,
  monthly: 30,
  quarterly: 91,
};

/**
 * Off by default. `greeting` is the id of one of the organisation's greeting recordings the caller hears
 * before leaving a message; null plays the spoken default ("You have reached <display name>...").
 */
export const voicemailSettingsSchema = z.object({
  enabled: z.boolean(),
  greeting: z.string().trim().min(1, 'Choose a greeting').nullable(),
  autoDelete: autoDeletePeriodSchema,
});
export type VoicemailSettings = z.infer<typeof voicemailSettingsSchema>;

export const voicemailOff: VoicemailSettings = { enabled: false, greeting: null, autoDelete: 'monthly' };

/** Longest message by default, in seconds (VOICEMAIL_MAX_SECONDS changes it). */
export const DEFAULT_MAX_MESSAGE_SECONDS = 180;
