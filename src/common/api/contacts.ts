import { z } from 'zod';
import { additionalPhoneSchema, contactItemTypeSchema, contactSchema } from '../domain/contact';
import { e164Schema } from '../domain/phone-number';

/** POST /api/contacts and PUT /api/contacts/:id. */
export const contactInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the contact').max(120),
    primaryPhone: e164Schema,
    additionalPhones: z.array(additionalPhoneSchema).max(20, 'Up to 20 additional phones').default([]),
    primaryAgentId: z.string().min(1).nullable().default(null),
    source: z.string().trim().max(60).nullable().default(null),
    tags: z
      .array(z.string().trim().min(1, 'Tags are not empty').max(60))
      .max(50, 'Up to 50 tags')
      .refine((tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length, 'Each tag only once')
      .default([]),
  })
  .superRefine((contact, ctx) => {
    const seen = new Set([contact.primaryPhone]);
    contact.additionalPhones.forEach((phone, index) => {
      if (seen.has(phone.number))
        ctx.addIssue({
          code: 'custom',
          path: ['additionalPhones', index, 'number'],
          message: 'This number is already on the contact',
        });
      seen.add(phone.number);
    });
  });
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactViewSchema = contactSchema;
export const contactListSchema = z.array(contactSchema);

/** POST /api/contact-item-types and PUT /api/contact-item-types/:id (admins only). */
export const itemTypeInputSchema = contactItemTypeSchema.omit({ id: true });
export type ItemTypeInput = z.infer<typeof itemTypeInputSchema>;
export const itemTypeListSchema = z.array(contactItemTypeSchema);

const column = z.string().trim().min(1, 'Name a column of the CSV header');

/**
 * POST /api/contacts/import (admins only): CSV text with a header line, and which column holds what.
 * Additional-phone columns each carry a contact item type (e.g. column "Office" → item type Office).
 */
export const contactImportRequestSchema = z.object({
  csv: z.string().min(1, 'Paste the CSV text').max(2_000_000, 'Import up to 2 MB at a time'),
  mapping: z.object({
    name: column,
    primaryPhone: column,
    additionalPhones: z
      .array(
        z.object({
          column,
          itemTypeId: z.string().min(1).nullable().default(null),
          description: z.string().trim().max(120).optional(),
        }),
      )
      .max(20, 'Up to 20 additional phone columns')
      .default([]),
    /** Column with the primary agent's email. */
    primaryAgentEmail: column.optional(),
    source: column.optional(),
    /** Column with tags separated by `;` or `|`. */
    tags: column.optional(),
  }),
  /** Applied to rows whose own column is empty or absent. */
  defaults: z
    .object({
      source: z.string().trim().max(60).nullable().default(null),
      primaryAgentId: z.string().min(1).nullable().default(null),
      tags: z.array(z.string().trim().min(1).max(60)).default([]),
    })
    .default({ source: null, primaryAgentId: null, tags: [] }),
});
export type ContactImportRequest = z.infer<typeof contactImportRequestSchema>;

export const contactImportResultSchema = z.object({
  imported: z.number().int(),
  contactIds: z.array(z.string()),
  /** Rows left out, by their line in the CSV text (the header is line 1). */
  rejected: z.array(z.object({ line: z.number().int(), message: z.string(), column: z.string().optional() })),
});
export type ContactImportResult = z.infer<typeof contactImportResultSchema>;

/** GET /api/contacts/search: by name or any phone, a page at a time. */
export const contactSearchQuerySchema = z.object({
  q: z.string().trim().max(120, 'Search for up to 120 characters').default(''),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100, 'Up to 100 contacts a page').default(25),
});
export const contactPageSchema = z.object({
  items: z.array(contactSchema),
  total: z.number().int(),
  offset: z.number().int(),
});
export type ContactPage = z.infer<typeof contactPageSchema>;
