import { z } from 'zod';

/** Pushed to each agent a routed call starts ringing: why this call is theirs. */
export const callOfferedSchema = z.object({
  /** The SIP Call-ID: the phone matches it to the ringing session. */
  sipCallId: z.string(),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  caller: z.object({ number: z.string(), name: z.string().nullable(), known: z.boolean() }),
  /** The routing engine's reason for ringing this agent ("sticky: talked to you 3 days ago"). */
  reason: z.string(),
  offeredAt: z.number(),
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
  /** inbound: a call to one of our numbers; outbound: an agent called a customer. */
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  /**
   * Outbound calls: `number` is the caller ID presented, `caller` the customer called (with the contact's
   * name when known), and this says who called, with engagement mode or not.
   */
  outbound: z
    .object({ agent: z.object({ id: z.string(), name: z.string() }), engagement: z.boolean(), contactId: z.string().nullable() })
    .nullable()
    .default(null),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  caller: z.object({ number: z.string(), name: z.string().nullable() }),
  state: z.enum(callOutcomes),
  /** Why it went where it went (the routing summary), and how it ended. */
  summary: z.string(),
  outcomeReason: z.string().nullable(),
  answeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The agents it rang, in order, with the reason each was rung. */
  rang: z.array(z.object({ staffId: z.string(), name: z.string(), step: z.number(), reason: z.string(), at: z.number() })),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** Talk time in seconds, once ended. */
  durationSeconds: z.number().nullable(),
});
export type CallHistoryItem = z.infer<typeof callHistoryItemSchema>;
