import { z } from 'zod';
import { companyNumberSettingsSchema } from './company-number';
import { mainNumberSettingsSchema } from './main-number';
import { e164Schema } from './phone-number';
import { numberTypeSchema, refineEngagementForType, routingSettingsSchema } from './routing-settings';
import { timeZoneSchema } from './time-zone';

export const numberKinds = ['standard', 'company', 'main'] as const;
export type NumberKind = (typeof numberKinds)[number];

export const displayNameSchema = z.string().trim().max(60, 'Display names are up to 60 characters');

/** Basic information; every field but the display name is set when the number is provisioned. */
const basicInfo = {
  id: z.string().min(1),
  number: e164Schema,
  displayName: displayNameSchema.default(''),
  type: numberTypeSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter country code, e.g. GB'),
  city: z.string().trim().max(80),
  timeZone: timeZoneSchema,
  /** Epoch milliseconds when the number's service ends. */
  expiresAt: z.number().int(),
  /** Epoch milliseconds of the last change to the number's details or settings. */
  updatedAt: z.number().int(),
  /** Name of the staff member who made the last change. */
  updatedBy: z.string(),
};

export const standardNumberSchema = z.object({
  ...basicInfo,
  kind: z.literal('standard'),
  routing: routingSettingsSchema,
});
export const companyNumberSchema = z.object({
  ...basicInfo,
  kind: z.literal('company'),
  company: companyNumberSettingsSchema,
});
export const mainNumberSchema = z.object({ ...basicInfo, kind: z.literal('main'), main: mainNumberSettingsSchema });

export const virtualNumberSchema = z
  .discriminatedUnion('kind', [standardNumberSchema, companyNumberSchema, mainNumberSchema], {
    error: 'Choose the kind of number: standard, company or main',
  })
  .superRefine((number, ctx) => {
    if (number.kind === 'standard') refineEngagementForType(number.type, number.routing, ctx, ['routing']);
  });
export type VirtualNumber = z.infer<typeof virtualNumberSchema>;
export type StandardNumber = z.infer<typeof standardNumberSchema>;
export type CompanyNumber = z.infer<typeof companyNumberSchema>;
export type MainNumber = z.infer<typeof mainNumberSchema>;

/** The only basic-info edit an admin may make. */
export const basicInfoUpdateSchema = z.strictObject(
  { displayName: displayNameSchema },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Only the display name can be edited' : undefined) },
);
export type BasicInfoUpdate = z.infer<typeof basicInfoUpdateSchema>;

/** Routing settings of a standard number of the given type (engagement mode is refused on toll-free numbers). */
export function routingSettingsFor(type: z.infer<typeof numberTypeSchema>) {
  return routingSettingsSchema.superRefine((routing, ctx) => refineEngagementForType(type, routing, ctx, []));
}
