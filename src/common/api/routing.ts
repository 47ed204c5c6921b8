import { z } from 'zod';
import { callerNumberSchema } from '../domain/phone-number';
import { routeDecisionSchema } from '../domain/route-decision';
import { presenceStateSchema } from '../presence';

/** POST /api/routing/dry-run: where would a call from `caller` to this number ring at `at`? */
export const dryRunRequestSchema = z.object({
  numberId: z.string().min(1, 'Choose a number'),
  caller: callerNumberSchema,
  /** ISO 8601 time of the hypothetical call; defaults to now. */
  at: z.iso.datetime({ offset: true, error: 'Give the time as ISO 8601, e.g. 2025-06-04T10:00:00Z' }).optional(),
  /** "What if": presence to assume for some staff instead of their live presence. */
  presence: z.record(z.string(), presenceStateSchema).optional(),
});
export type DryRunRequest = z.infer<typeof dryRunRequestSchema>;

export const dryRunResponseSchema = z.object({
  number: z.object({
    id: z.string(),
    number: z.string(),
    displayName: z.string(),
    kind: z.enum(['standard', 'company', 'main']),
  }),
  caller: z.string(),
  /** ISO time the decision was made for. */
  at: z.string(),
  decision: routeDecisionSchema,
  /** Who may present this number as caller ID on outbound calls now (the same rule the SIP server enforces). */
  callerIdStaff: z.array(z.object({ staffId: z.string(), name: z.string() })).default([]),
});
export type DryRunResponse = z.infer<typeof dryRunResponseSchema>;
