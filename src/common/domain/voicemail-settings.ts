import { z } from 'zod';

export const autoDeletePeriods = ['weekly', 'two-weeks', 'monthly', 'quarterly'] as const;
export const autoDeletePeriodSchema = z.enum(autoDeletePeriods, {
  error: 'Choose how often messages are deleted: weekly, two-weeks, monthly or quarterly',
});
export type AutoDeletePeriod = z.infer<typeof autoDeletePeriodSchema>;

/** Days a message is kept before it is deleted automatically. */
export const autoDeleteDays: Record<AutoDeletePeriod, number> = { weekly: 7, 'two-weeks': 14, monthly: 30, quarterly: 91 };

/** Off by default. `greeting` names the recording the caller hears before leaving a message. */
export const voicemailSettingsSchema = z
  .object({
    enabled: z.boolean(),
    greeting: z.string().trim().min(1).nullable(),
    autoDelete: autoDeletePeriodSchema,
  })
  .refine((settings) => !settings.enabled || settings.greeting !== null, {
    path: ['greeting'],
    message: 'Choose a greeting before turning voicemail on',
  });
export type VoicemailSettings = z.infer<typeof voicemailSettingsSchema>;

export const voicemailOff: VoicemailSettings = { enabled: false, greeting: null, autoDelete: 'monthly' };
