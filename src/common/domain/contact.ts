import { z } from 'zod';
import { e164Schema } from './phone-number';

/** A category for additional phones (Office, Holiday Home); lower `orderBy` is dialled first, ties by name. */
export const contactItemTypeSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'Name the item type').max(40),
  orderBy: z.number().int('Order is a whole number').min(0, 'Order is 0 or more'),
});
export type ContactItemType = z.infer<typeof contactItemTypeSchema>;

export const additionalPhoneSchema = z.object({
  number: e164Schema,
  itemTypeId: z.string().min(1).optional(),
  description: z.string().trim().max(120, 'Descriptions are up to 120 characters').optional(),
});
export type AdditionalPhone = z.infer<typeof additionalPhoneSchema>;

export const contactSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1, 'Name the contact').max(120),
    primaryPhone: e164Schema,
    additionalPhones: z.array(additionalPhoneSchema).max(20, 'Up to 20 additional phones').default([]),
    /** The agent in the primary "Agent" role; calls from the contact ring them. */
    primaryAgentId: z.string().min(1).nullable(),
    /** Where the contact came from; a contact has one source and many tags. */
    source: z.string().trim().max(60).nullable(),
    tags: z.array(z.string().trim().min(1).max(60)).default([]),
    /** Epoch milliseconds. */
    createdAt: z.number().int(),
  })
  .superRefine((contact, ctx) => {
    const seen = new Set([contact.primaryPhone]);
    contact.additionalPhones.forEach((phone, index) => {
      if (seen.has(phone.number)) {
        ctx.addIssue({
          code: 'custom',
          path: ['additionalPhones', index, 'number'],
          message: 'This number is already on the contact',
        });
      }
      seen.add(phone.number);
    });
  });
export type Contact = z.infer<typeof contactSchema>;

/** Every phone of a contact, as E.164. */
export function contactPhones(contact: Contact): string[] {
  return [contact.primaryPhone, ...contact.additionalPhones.map((phone) => phone.number)];
}
