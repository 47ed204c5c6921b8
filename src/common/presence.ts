import { z } from 'zod/mini';
import { healthIssueSchema, phoneProblemSchema, phoneProblems } from './presence-health';

export const presenceStates = ['offline', 'available', 'ringing', 'on-call', 'wrap-up', 'away', 'dnd'] as const;
export const presenceStateSchema = z.enum(presenceStates);
export type PresenceState = z.infer<typeof presenceStateSchema>;

/** What an agent may choose by hand; the rest follows from the phone and the feed. */
export const manualPresenceSchema = z.enum(['available', 'away', 'dnd']);
export type ManualPresence = z.infer<typeof manualPresenceSchema>;

/** States the phone and the companion own: nobody sets them by hand (the phone's report and the clock do). */
export const phoneOwnedStates = [
  'offline',
  'ringing',
  'on-call',
  'wrap-up',
] as const satisfies readonly PresenceState[];

/** An organisation's reason for being away (Lunch, Training, …), managed by its admins. */
export const awayReasonSchema = z.object({ id: z.string(), name: z.string() });
export type AwayReason = z.infer<typeof awayReasonSchema>;

export const presenceSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  extension: z.nullable(z.string()),
  state: presenceStateSchema,
  /** Epoch milliseconds when this state started. */
  since: z.number(),
  /** Away only: the reason the agent picked, if any. */
  reason: z.optional(awayReasonSchema),
  /** Wrap-up only: epoch milliseconds (the companion's clock) when the agent becomes available again. */
  wrapUpUntil: z.optional(z.number()),
  /** Why the agent cannot take a call although their tab is open (absent or empty: nothing wrong). */
  issues: z.optional(z.array(healthIssueSchema)),
});
export type Presence = z.infer<typeof presenceSchema>;

/**
 * What the browser reports about its phone (`phone:report`): a hint the companion derives presence from, about
 * the sender's own phone only. Nothing else may ride along (no `staffId`, no `orgId`): a report naming anyone
 * is refused.
 */
export const phoneStatusSchema = z.strictObject({
  registration: z.enum(['unregistered', 'connecting', 'registered', 'failed']),
  ringing: z.number().check(z.int(), z.gte(0)),
  activeCalls: z.number().check(z.int(), z.gte(0)),
  /** Calls answered and not yet ended (talking or on hold): when the last one ends, wrap-up starts. */
  connected: z.optional(z.number().check(z.int(), z.gte(0))),
  /** What would make a call fail on this phone (each makes the agent not routable until it is fixed). */
  problems: z.optional(z.array(phoneProblemSchema).check(z.maxLength(phoneProblems.length))),
});
export type PhoneStatus = z.infer<typeof phoneStatusSchema>;

/** `presence:set`: the agent's own choice. `reasonId` only with away; `staffId`, when sent, must be the sender. */
export const presenceSetSchema = z.object({
  state: presenceStateSchema,
  reasonId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  staffId: z.optional(z.string()),
});
export type PresenceSet = z.infer<typeof presenceSetSchema>;
