import { z } from 'zod';
import { DEFAULT_RING_TIMEOUT_SECONDS, destinationSchema, ringTimeoutSchema, type Destination } from './destination';
import { refineNoOverlap, weeklyHoursSchema } from './weekly-hours';

const ringTimeoutSeconds = ringTimeoutSchema.default(DEFAULT_RING_TIMEOUT_SECONDS);

export const MAX_ALTERNATIVE_DESTINATIONS = 5;

/** Destinations tried in order: the next when one is unavailable or does not answer in time. */
export const alternativeRuleSchema = z.object({
  kind: z.literal('alternative'),
  destinations: z
    .array(z.object({ destination: destinationSchema, ringTimeoutSeconds }))
    .min(1, 'Add at least one destination')
    .max(MAX_ALTERNATIVE_DESTINATIONS, `Alternative routing allows up to ${MAX_ALTERNATIVE_DESTINATIONS} destinations`),
});

/** Each call goes to one destination; over many calls the split matches the weights. */
export const percentageRuleSchema = z.object({
  kind: z.literal('percentage'),
  destinations: z
    .array(
      z.object({
        destination: destinationSchema,
        ringTimeoutSeconds,
        weight: z
          .number()
          .int('Weights are whole percentages')
          .min(1, 'Each weight is at least 1')
          .max(100, 'Each weight is at most 100'),
      }),
    )
    .min(1, 'Add at least one destination')
    .superRefine((entries, ctx) => {
      const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
      if (total !== 100) ctx.addIssue({ code: 'custom', message: `Weights must add up to 100 (now ${total})` });
    }),
});

const timeWindowSchema = weeklyHoursSchema.safeExtend({
  /** Shown on the call card ("After hours"); optional. */
  name: z.string().trim().max(60, 'Window names are up to 60 characters').optional(),
  destination: destinationSchema,
  ringTimeoutSeconds,
});

/** Weekly windows in the number's time zone; outside every window the fallback applies. */
export const timeRuleSchema = z.object({
  kind: z.literal('time'),
  windows: z
    .array(timeWindowSchema)
    .min(1, 'Add at least one time window')
    .max(20, 'Time routing allows up to 20 windows')
    .superRefine(
      refineNoOverlap(
        (window) => window,
        ['start'],
        (_window, index) => `window ${index + 1}`,
      ),
    ),
  fallback: z.object({ destination: destinationSchema, ringTimeoutSeconds }),
});

export const routingRuleSchema = z.discriminatedUnion(
  'kind',
  [alternativeRuleSchema, percentageRuleSchema, timeRuleSchema],
  {
    error: 'Choose a routing rule: alternative, percentage or time',
  },
);
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type AlternativeRule = z.infer<typeof alternativeRuleSchema>;
export type PercentageRule = z.infer<typeof percentageRuleSchema>;
export type TimeRule = z.infer<typeof timeRuleSchema>;
export type TimeWindow = TimeRule['windows'][number];

/** Every destination a rule can reach, with the field path that holds it. */
export function ruleDestinations(rule: RoutingRule): Array<{ destination: Destination; path: (string | number)[] }> {
  switch (rule.kind) {
    case 'alternative':
    case 'percentage':
      return rule.destinations.map((entry, index) => ({
        destination: entry.destination,
        path: ['destinations', index, 'destination'],
      }));
    case 'time':
      return [
        ...rule.windows.map((window, index) => ({
          destination: window.destination,
          path: ['windows', index, 'destination'],
        })),
        { destination: rule.fallback.destination, path: ['fallback', 'destination'] },
      ];
  }
}
