import { z } from 'zod/mini';
import { bindingKindSchema } from '../domain/binding-kind';

/** One number the signed-in agent may present as caller ID (GET /api/me/caller-ids). */
export const callerIdOptionSchema = z.object({
  numberId: z.string(),
  number: z.string(),
  displayName: z.string(),
  kind: z.enum(['standard', 'company']),
  type: z.enum(['local', 'toll-free']),
  country: z.string(),
  city: z.string(),
  /** Engagement mode can be used with it (a local number with engagement on). */
  engagementAvailable: z.boolean(),
  engagementDays: z.nullable(z.number().check(z.int())),
});
export type CallerIdOption = z.infer<typeof callerIdOptionSchema>;

export const callerIdsViewSchema = z.object({
  options: z.array(callerIdOptionSchema),
  /** The agent's remembered choice (last used), else the first allowed; null when nothing is allowed. */
  selected: z.nullable(z.string()),
  /** For `?callee=`: the number suggested first for this customer, and why. */
  suggestion: z.nullable(z.object({ numberId: z.string(), reason: z.string() })),
});
export type CallerIdsView = z.infer<typeof callerIdsViewSchema>;

/** PUT /api/me/caller-id: remember the agent's choice. */
export const callerIdChoiceSchema = z.strictObject({ numberId: z.string().check(z.minLength(1, 'Choose a number')) });

/** GET /api/me/bindings: the agent's live sticky and engagement bindings. */
export const myBindingSchema = z.object({
  id: z.string(),
  kind: bindingKindSchema,
  customer: z.object({ number: z.string(), name: z.nullable(z.string()) }),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  lastInteractionAt: z.number(),
  expiresAt: z.number(),
});
export type MyBinding = z.infer<typeof myBindingSchema>;
export const myBindingListSchema = z.array(myBindingSchema);
