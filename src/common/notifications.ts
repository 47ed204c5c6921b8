import { z } from 'zod/mini';

export const notificationKinds = ['missed-call', 'answered-call', 'text'] as const;
export const notificationStates = ['unclaimed', 'claimed', 'done'] as const;
/** How a notification came to be claimed: an agent's first action on it, or the call/text itself. */
export const claimActions = [
  'claim',
  'call-back',
  'text-back',
  'create-contact',
  'associate',
  'answered',
  'routed',
] as const;
export type ClaimAction = (typeof claimActions)[number];

/** What an agent may do to claim an unclaimed notification through POST /api/notifications/:id/claim. */
export const claimRequestSchema = z.object({
  action: z._default(z.enum(['claim', 'call-back', 'text-back']), 'claim'),
});

/** The longest text we accept or send (ten concatenated SMS segments of 160 GSM characters). */
export const MAX_TEXT_LENGTH = 1600;

/** C0 controls and DEL, except tab, line feed and carriage return (which a text may contain). */
const isControlCharacter = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return (c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
};

/** A text body: 1-1600 characters of valid Unicode; stored exactly as written. */
export const textBodySchema = z.string({ error: 'Write the text' }).check(
  z.minLength(1, 'Write the text'),
  z.maxLength(MAX_TEXT_LENGTH, `Texts are up to ${MAX_TEXT_LENGTH} characters`),
  z.refine((body) => body.trim().length > 0, 'Write the text'),
  z.refine(
    (body) => !/[\uD800-\uDFFF]/.test(body.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')),
    'The text is not valid UTF-8',
  ),
  z.refine((body) => ![...body].some(isControlCharacter), 'The text contains control characters'),
);

export const textMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  body: z.string(),
  at: z.number(),
  /** The agent who sent an outbound text. */
  staff: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** The company number it was sent to or from. */
  companyNumber: z.string(),
  remote: z.string(),
});
export type TextMessage = z.infer<typeof textMessageSchema>;

const person = z.object({ id: z.string(), name: z.string() });

/** A missed or answered unknown call, or a text conversation, to a company number. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  state: z.enum(notificationStates),
  /** The caller's number (E.164 when it is one). */
  caller: z.string(),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  /** The company number's source and tag (they go onto a contact made from this caller). */
  source: z.string(),
  tag: z.string(),
  /** Agents rung before the call was missed (0 when nobody could be rung). */
  ringAttempts: z.number().check(z.int()),
  /** The agents of the rule that routed it: they see it while it is unclaimed. */
  audience: z.array(person),
  claimedBy: z.nullable(person),
  claimedAt: z.nullable(z.number()),
  claimAction: z.nullable(z.enum(claimActions)),
  doneAt: z.nullable(z.number()),
  contact: z.nullable(person),
  texts: z.array(textMessageSchema),
  /** Whether the viewer has opened it. */
  read: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type NotificationView = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.array(notificationSchema);

/** Pushed when a notification was claimed: every other viewer drops it from their open list. */
export const notificationClaimedSchema = z.object({
  id: z.string(),
  claimedBy: person,
  claimedAt: z.number(),
  claimAction: z.enum(claimActions),
});
export type NotificationClaimed = z.infer<typeof notificationClaimedSchema>;

/** POST /api/notifications/:id/contact: a new contact for the caller (source and tag come from the number). */
export const contactFromNotificationSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Name the contact'), z.maxLength(120)),
  tags: z._default(
    z
      .array(z.string().check(z.trim(), z.minLength(1, 'Tags are not empty'), z.maxLength(60)))
      .check(z.maxLength(50, 'Up to 50 tags')),
    [],
  ),
});
/** POST /api/notifications/:id/associate: the caller's number goes onto an existing contact. */
export const associateRequestSchema = z.object({ contactId: z.string().check(z.minLength(1, 'Choose a contact')) });

export const timelineKinds = ['call', 'text', 'claim', 'note'] as const;
export const timelineEntrySchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(timelineKinds),
  at: z.number(),
  staff: z.nullable(person),
  /** In words: "Missed call to Company line", "Claimed by Carol Agent (call back)". */
  summary: z.string(),
  /** A text's or note's body. */
  body: z.nullable(z.string()),
  direction: z.nullable(z.enum(['inbound', 'outbound'])),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export const timelineSchema = z.array(timelineEntrySchema);
export const noteRequestSchema = z.object({ body: textBodySchema });

/** Query of GET /api/contacts/search (create-contact and associate pickers). */
export const contactSearchQuerySchema = z.object({
  q: z.string().check(z.trim(), z.minLength(1, 'Type a name or number'), z.maxLength(60)),
});
