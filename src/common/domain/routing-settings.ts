import { z } from 'zod';
import { bindingOff, bindingSettingsSchema } from './binding-settings';
import { callerIdAllowlistSchema, callerIdNobody } from './caller-id-allowlist';
import { destinationKey } from './destination';
import { e164Schema } from './phone-number';
import { ruleDestinations, routingRuleSchema } from './routing-rule';
import { voicemailOff, voicemailSettingsSchema } from './voicemail-settings';

export const numberTypes = ['local', 'toll-free'] as const;
export const numberTypeSchema = z.enum(numberTypes, { error: 'Choose local or toll-free' });
export type NumberType = z.infer<typeof numberTypeSchema>;

/** What happens when every destination fails: voicemail if on, else the fail-safe number, else missed. */
export const noAnswerSettingsSchema = z.object({ failSafeNumber: e164Schema.nullable() });
export type NoAnswerSettings = z.infer<typeof noAnswerSettingsSchema>;

/** A standard virtual number's routing settings. */
export const routingSettingsSchema = z
  .object({
    rule: routingRuleSchema,
    voicemail: voicemailSettingsSchema.default(voicemailOff),
    noAnswer: noAnswerSettingsSchema.default({ failSafeNumber: null }),
    sticky: bindingSettingsSchema.default(bindingOff),
    engagement: bindingSettingsSchema.default(bindingOff),
    callerIds: callerIdAllowlistSchema.default(callerIdNobody),
  })
  .superRefine((settings, ctx) => {
    const reachable = ruleDestinations(settings.rule);
    if (settings.voicemail.enabled) {
      const distinct = new Set(reachable.map((entry) => destinationKey(entry.destination))).size;
      if (distinct > 1) {
        const listPath = settings.rule.kind === 'time' ? 'windows' : 'destinations';
        ctx.addIssue({
          code: 'custom',
          path: ['rule', listPath],
          message: `With voicemail on, the number may have only one destination (now ${distinct})`,
        });
      }
    } else {
      for (const entry of reachable) {
        if (entry.destination.kind !== 'voicemail') continue;
        ctx.addIssue({
          code: 'custom',
          path: ['rule', ...entry.path],
          message: 'Turn voicemail on to use it as a destination',
        });
      }
    }
  });
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;

/** Engagement mode is for local numbers only. */
export function refineEngagementForType(
  type: NumberType,
  routing: RoutingSettings,
  ctx: z.RefinementCtx,
  path: (string | number)[],
) {
  if (type === 'toll-free' && routing.engagement.enabled) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'engagement', 'enabled'],
      message: 'Engagement mode is only available on local numbers',
    });
  }
}
