import { z } from 'zod/mini';
import { roleSchema } from '../auth';
import { presenceStateSchema } from '../presence';

/**
 * The call an agent is on or being rung for, as the companion knows it: calls to and from the phone network, and
 * calls between extensions (Kamailio's reports; `party.staffId` is then the other agent, `number` null).
 */
export const boardCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  status: z.enum(['ringing', 'talking']),
  /** The caller (inbound) or the customer called (outbound), with the contact's name when known. */
  party: z.object({ number: z.string(), name: z.nullable(z.string()), staffId: z.optional(z.string()) }),
  /** The virtual number called (inbound) or presented as caller ID (outbound). */
  number: z.nullable(z.object({ id: z.string(), number: z.string(), displayName: z.string() })),
  startedAt: z.number(),
  answeredAt: z.nullable(z.number()),
});
export type BoardCall = z.infer<typeof boardCallSchema>;

/** One agent's calls today (since midnight in the organisation's time zone). */
export const boardTodaySchema = z.object({
  /** Calls to the phone network's side that the agent answered. */
  answered: z.number().check(z.int()),
  /** Calls that rang the agent and that they did not answer (answered by someone rung at the same time: not missed). */
  missed: z.number().check(z.int()),
  /** Talk time of finished calls, inbound and outbound; a call in progress adds its own. */
  talkSeconds: z.number().check(z.int()),
});
export type BoardToday = z.infer<typeof boardTodaySchema>;

/** What the board shows of an agent beyond presence. `rev` orders updates: a higher one replaces a lower one. */
export const boardActivitySchema = z.object({
  staffId: z.string(),
  rev: z.number(),
  call: z.nullable(boardCallSchema),
  today: boardTodaySchema,
});
export type BoardActivity = z.infer<typeof boardActivitySchema>;

/** A virtual number of the organisation and the staff it can ring (the board's team filter). */
export const boardNumberSchema = z.object({
  id: z.string(),
  number: z.string(),
  displayName: z.string(),
  staffIds: z.array(z.string()),
});
export type BoardNumber = z.infer<typeof boardNumberSchema>;

/** GET /api/supervisor/board: supervisors and admins only. Presence itself comes from the feed. */
export const boardSnapshotSchema = z.object({
  activity: z.array(boardActivitySchema),
  numbers: z.array(boardNumberSchema),
  /** Each member's role, by staff id: what the board offers to do to them follows it (`mayActOn`). */
  roles: z.record(z.string(), roleSchema),
  /** Today, in the organisation's time zone: counts reset at `dayEnd`. */
  dayStart: z.number(),
  dayEnd: z.number(),
});
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;

/**
 * POST /api/supervisor/agents/:id/presence: a supervisor may set Away (with one of the organisation's reasons)
 * or make the agent Available again; nothing else.
 */
export const supervisorSetPresenceSchema = z
  .strictObject({
    state: z.enum(['away', 'available'], { error: 'A supervisor may set an agent away or available' }),
    reasonId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  })
  .check(
    z.refine((b) => b.reasonId === undefined || b.state === 'away', {
      error: 'Only Away has a reason',
      path: ['reasonId'],
    }),
  );
export type SupervisorSetPresence = z.infer<typeof supervisorSetPresenceSchema>;

/** One stretch of an agent's day in one state. `to` is null while it lasts. */
export const timelineEntrySchema = z.object({
  state: presenceStateSchema,
  fromState: presenceStateSchema,
  reason: z.nullable(z.string()),
  from: z.number(),
  to: z.nullable(z.number()),
  setBy: z.nullable(z.object({ id: z.string(), name: z.string() })),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** GET /api/supervisor/agents/:id/timeline?day=YYYY-MM-DD (the organisation's time zone; today without it). */
export const timelineSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  day: z.string(),
  /** The organisation's time zone, which the day and its hours are read in. */
  timeZone: z.string(),
  dayStart: z.number(),
  dayEnd: z.number(),
  entries: z.array(timelineEntrySchema),
});
export type Timeline = z.infer<typeof timelineSchema>;
