import { z } from 'zod';
import { businessHoursSchema } from '../domain/business-hours';

/** GET/PUT /api/org/business-hours: the organisation's opening hours (the main number's in/out of hours). */
export const businessHoursViewSchema = z.object({
  businessHours: businessHoursSchema,
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().nullable(),
});
export type BusinessHoursView = z.infer<typeof businessHoursViewSchema>;
