import { z } from 'zod';

export const ringTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal('external'),
    number: z.string(),
    dialExtension: z.string().optional(),
    dialDelaySeconds: z.number().optional(),
    reason: z.string(),
  }),
]);
export type RingTarget = z.infer<typeof ringTargetSchema>;

/** One step of the plan: ring the targets all at once or one after the other, each for `ringTimeoutSeconds`. */
export const ringStepSchema = z.object({
  targets: z.array(ringTargetSchema).min(1),
  mode: z.enum(['simultaneous', 'sequential']),
  ringTimeoutSeconds: z.number().int(),
});
export type RingStep = z.infer<typeof ringStepSchema>;

/** What happens when every step has rung out (or there was nobody to ring). */
export const noAnswerOutcomeSchema = z.discriminatedUnion('kind', [
  /** Voicemail; when the voicemail service cannot take the call, the fail-safe number rings if there is one. */
  z.object({ kind: z.literal('voicemail'), reason: z.string(), failSafeNumber: z.string().optional() }),
  z.object({ kind: z.literal('external'), number: z.string(), reason: z.string() }),
  z.object({ kind: z.literal('missed'), reason: z.string() }),
]);
export type NoAnswerOutcome = z.infer<typeof noAnswerOutcomeSchema>;

/** Where round robin and percentage routing resume; the engine returns the next one in every decision. */
export const rotationStateSchema = z.object({
  /** Smooth weighted round robin: current weight per percentage destination, in list order. */
  weighted: z.array(z.number()).optional(),
  /** Round-robin groups (keyed by their member list): index of the member to try first next time. */
  roundRobin: z.record(z.string(), z.number().int()).optional(),
});
export type RotationState = z.infer<typeof rotationStateSchema>;

export const refuseReasons = ['busy', 'reserved'] as const;
export type RefuseReason = (typeof refuseReasons)[number];

export const routeDecisionSchema = z.object({
  kind: z.enum(['ring', 'refuse']),
  refuseReason: z.enum(refuseReasons).optional(),
  /** Tried in order; an empty list goes straight to `onNoAnswer`. */
  steps: z.array(ringStepSchema),
  onNoAnswer: noAnswerOutcomeSchema,
  /** Staff left out of the plan and why ("Ana is away"), for the explanation. */
  skipped: z.array(z.object({ staffId: z.string(), reason: z.string() })),
  /** Contacts whose timeline records the call. */
  logContactIds: z.array(z.string()),
  /** Agents who see the unclaimed notification if nobody answers an unknown caller. */
  notifyStaffIds: z.array(z.string()),
  summary: z.string(),
  nextRotation: rotationStateSchema,
});
export type RouteDecision = z.infer<typeof routeDecisionSchema>;
