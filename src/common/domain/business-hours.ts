import { z } from 'zod';
import { timeZoneSchema } from './time-zone';
import { refineNoOverlap, weeklyHoursSchema } from './weekly-hours';

/** An organisation's opening hours, in its own time zone. */
export const businessHoursSchema = z.object({
  timeZone: timeZoneSchema,
  windows: z
    .array(weeklyHoursSchema)
    .max(21, 'Up to 21 opening-hour ranges')
    .superRefine(
      refineNoOverlap(
        (hours) => hours,
        [],
        (_hours, index) => `opening hours ${index + 1}`,
      ),
    ),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
