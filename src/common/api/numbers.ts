import { z } from 'zod';
import { mainNumberSettingsSchema } from '../domain/main-number';
import { companyNumberSchema, mainNumberSchema, standardNumberSchema } from '../domain/virtual-number';

/** Who made the last change, by id as well as by name (`updatedBy`). */
const audit = { updatedById: z.string() };

/** A main number's settings as the API shows them: the voicemail PIN itself never leaves the server. */
export const mainSettingsViewSchema = mainNumberSettingsSchema.extend({ pinIsDefault: z.boolean() });

/** What an admin sends to change a main number's settings (the PIN is only ever reset, never set here). */
export const mainSettingsInputSchema = z.strictObject(mainNumberSettingsSchema.shape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `Unknown field ${issue.keys.join(', ')}; the PIN is changed by resetting it`
      : undefined,
});
export type MainSettingsInput = z.infer<typeof mainSettingsInputSchema>;

/** GET /api/numbers/:id, and each item of GET /api/numbers. */
export const numberViewSchema = z.discriminatedUnion('kind', [
  standardNumberSchema.extend(audit),
  companyNumberSchema.extend(audit),
  mainNumberSchema.extend({ ...audit, main: mainSettingsViewSchema }),
]);
export type NumberView = z.infer<typeof numberViewSchema>;

export const numberListSchema = z.array(numberViewSchema);

/** One entry of GET /api/numbers/:id/changes (newest first). */
export const changeEntrySchema = z.object({
  id: z.number().int(),
  entity: z.enum(['number', 'staff', 'contact-item-type', 'organisation', 'contact']),
  entityId: z.string(),
  /** Which settings changed: basic, routing, company, main, pin, profile, business-hours... */
  section: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  changedBy: z.object({ id: z.string(), name: z.string() }),
  /** Epoch milliseconds. */
  changedAt: z.number().int(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;
export const changeListSchema = z.array(changeEntrySchema);
