import { z } from 'zod/mini';

/**
 * How long a call between extensions rings before the SIP server gives up (Kamailio's t_set_fr in route[RELAY],
 * rendered from this by scripts/stack/kamailio.ts). Routed calls ring for their step's own timeout.
 */
export const EXTENSION_RING_SECONDS = 60;

/** Pushed to each agent a routed call starts ringing: why this call is theirs. */
export const callOfferedSchema = z.object({
  /** The SIP Call-ID: the phone matches it to the ringing session. */
  sipCallId: z.string(),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  caller: z.object({ number: z.string(), name: z.nullable(z.string()), known: z.boolean() }),
  /** The routing engine's reason for ringing this agent ("sticky: last spoke to the caller 3 days ago"); the card says it as a person would (spoken-reason.ts). */
  reason: z.string(),
  offeredAt: z.number(),
  /** How long this ring lasts before the call moves on (the step's ring timeout). */
  ringSeconds: z.optional(z.number().check(z.int(), z.positive())),
});
export type CallOffered = z.infer<typeof callOfferedSchema>;

/** Pushed to every agent a call rang when it stops ringing them for a reason other than their own action. */
export const callResolvedSchema = z.object({
  sipCallId: z.string(),
  outcome: z.enum(['answered-elsewhere', 'caller-hung-up', 'missed']),
  /** In words, for the card: "Answered by Bob Agent", "The caller hung up". */
  text: z.string(),
});
export type CallResolved = z.infer<typeof callResolvedSchema>;

export const callOutcomes = ['ringing', 'answered', 'ended', 'missed', 'refused'] as const;

/** One line of call history. */
export const callHistoryItemSchema = z.object({
  id: z.string(),
  /** inbound: a call to one of our numbers; outbound: an agent called a customer; internal: one extension called another. */
  direction: z._default(z.enum(['inbound', 'outbound', 'internal']), 'inbound'),
  /**
   * Outbound calls: `number` is the caller ID presented, `caller` the customer called (with the contact's
   * name when known), and this says who called, with engagement mode or not.
   */
  outbound: z._default(
    z.nullable(
      z.object({
        agent: z.object({ id: z.string(), name: z.string() }),
        engagement: z.boolean(),
        contactId: z.nullable(z.string()),
      }),
    ),
    null,
  ),
  /**
   * Internal calls: `caller` is the agent who called (number = their extension), `number` the extension dialled
   * (displayName = who has it), and this names both by id (callee null: nobody has that extension).
   */
  internal: z._default(z.nullable(z.object({ callerId: z.string(), calleeId: z.nullable(z.string()) })), null),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  caller: z.object({ number: z.string(), name: z.nullable(z.string()) }),
  state: z.enum(callOutcomes),
  /** Why it went where it went (the routing summary), and how it ended. */
  summary: z.string(),
  outcomeReason: z.nullable(z.string()),
  answeredBy: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** The agents it rang, in order, with the reason each was rung, and whether they declined it. */
  rang: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      step: z.number(),
      reason: z.string(),
      at: z.number(),
      declined: z._default(z.boolean(), false),
    }),
  ),
  startedAt: z.number(),
  answeredAt: z.nullable(z.number()),
  endedAt: z.nullable(z.number()),
  /** Talk time in seconds, once ended. */
  durationSeconds: z.nullable(z.number()),
});
export type CallHistoryItem = z.infer<typeof callHistoryItemSchema>;
