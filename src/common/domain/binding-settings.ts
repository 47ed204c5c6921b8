import { z } from 'zod';

/**
 * Sticky routing and engagement mode share one shape: a binding lasts `bindingDays` after the last
 * interaction; when the bound agent is unavailable the call goes to the normal destinations
 * (`fallbackToDestinations`) or straight to no-answer handling.
 */
export const bindingSettingsSchema = z.object({
  enabled: z.boolean(),
  bindingDays: z
    .number()
    .int('The binding period is a whole number of days')
    .min(1, 'Bind for at least 1 day')
    .max(365, 'Bind for at most 365 days'),
  fallbackToDestinations: z.boolean(),
});
export type BindingSettings = z.infer<typeof bindingSettingsSchema>;

export const bindingOff: BindingSettings = { enabled: false, bindingDays: 7, fallbackToDestinations: true };
