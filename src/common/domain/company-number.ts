import { z } from 'zod';
import { ringTimeoutSchema } from './destination';
import { e164Schema } from './phone-number';
import { staffIdSchema } from './staff';
import { refineNoOverlap, weeklyHoursSchema } from './weekly-hours';

export const MAX_BLAST_AGENTS = 5;
export const MAX_CUSTOM_RULES = 10;
/** The provider's limit on simultaneous inbound calls to one company number. */
export const MAX_SIMULTANEOUS_COMPANY_CALLS = 50;
export const DEFAULT_COMPANY_RING_SECONDS = 30;

const ringTimeoutSeconds = ringTimeoutSchema.default(DEFAULT_COMPANY_RING_SECONDS);

/** Where a call or text from an unknown caller goes. */
export const companyRouteSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('blast'),
      staffIds: z
        .array(staffIdSchema)
        .min(1, 'Choose at least one agent')
        .max(MAX_BLAST_AGENTS, `A blast rings up to ${MAX_BLAST_AGENTS} agents`)
        .refine((ids) => new Set(ids).size === ids.length, 'Each agent may be chosen only once'),
      ringTimeoutSeconds,
    }),
    z.object({ kind: z.literal('user'), staffId: staffIdSchema, ringTimeoutSeconds }),
    z.object({ kind: z.literal('number'), number: e164Schema, ringTimeoutSeconds }),
  ],
  { error: 'Choose a rule: blast, user or number' },
);
export type CompanyRoute = z.infer<typeof companyRouteSchema>;

export const companyCustomRuleSchema = z.object({
  name: z.string().trim().min(1, 'Name the rule').max(60, 'Rule names are up to 60 characters'),
  activeHours: weeklyHoursSchema,
  route: companyRouteSchema,
});
export type CompanyCustomRule = z.infer<typeof companyCustomRuleSchema>;

/** Settings of a company number; only admins edit them. Custom rules are tried before the default. */
export const companyNumberSettingsSchema = z.object({
  /** Becomes the source of a contact created from an unknown caller. */
  source: z.string().trim().min(1, 'Give the number a source').max(60),
  /** Added to the contact created from, or associated with, an unknown caller. */
  tag: z.string().trim().min(1, 'Give the number a tag').max(60),
  defaultRule: companyRouteSchema,
  customRules: z
    .array(companyCustomRuleSchema)
    .max(MAX_CUSTOM_RULES, `Up to ${MAX_CUSTOM_RULES} custom rules`)
    .superRefine(
      refineNoOverlap(
        (rule) => rule.activeHours,
        ['activeHours'],
        (rule) => `rule '${rule.name}'`,
      ),
    )
    .superRefine((rules, ctx) => {
      rules.forEach((rule, index) => {
        if (rules.findIndex((other) => other.name.toLowerCase() === rule.name.toLowerCase()) < index) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `Another rule is already called '${rule.name}'`,
          });
        }
      });
    })
    .default([]),
});
export type CompanyNumberSettings = z.infer<typeof companyNumberSettingsSchema>;
