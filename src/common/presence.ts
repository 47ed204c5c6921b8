import { z } from 'zod';
import { healthIssueSchema } from './presence-health';

export const presenceStates = ['offline', 'available', 'ringing', 'on-call', 'wrap-up', 'away', 'dnd'] as const;
export const presenceStateSchema = z.enum(presenceStates);
export type PresenceState = z.infer<typeof presenceStateSchema>;

/** What an agent may choose by hand; the rest follows from the phone and the feed. */
export const manualPresenceSchema = z.enum(['available', 'away', 'dnd']);
export type ManualPresence = z.infer<typeof manualPresenceSchema>;

export const presenceSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  extension: z.string().nullable(),
  state: presenceStateSchema,
  /** Epoch milliseconds when this state started. */
  since: z.number(),
  /** Why the agent cannot take a call although their tab is open (absent or empty: nothing wrong). */
  issues: z.array(healthIssueSchema).optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** What the browser reports about its phone: the companion derives presence from it. */
export const phoneStatusSchema = z.object({
  registration: z.enum(['unregistered', 'connecting', 'registered', 'failed']),
  ringing: z.number().int().min(0),
  activeCalls: z.number().int().min(0),
});
export type PhoneStatus = z.infer<typeof phoneStatusSchema>;
