import { z } from 'zod/mini';

/** One message in an agent's inbox (GET /api/voicemail). The audio is at GET /api/voicemail/:id/audio. */
export const voicemailMessageSchema = z.object({
  id: z.string(),
  /** The box: the number's id (a standard number's box, or the main number's box). */
  boxId: z.string(),
  number: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  caller: z.object({ number: z.string(), name: z.nullable(z.string()), contactId: z.nullable(z.string()) }),
  /** Epoch milliseconds when the caller started speaking (after the beep). */
  startedAt: z.number().check(z.int()),
  durationMs: z.number().check(z.int(), z.nonnegative()),
  /** Epoch milliseconds when it was first marked heard; null while unheard. */
  heardAt: z.nullable(z.number().check(z.int())),
  /** Epoch milliseconds after which it is deleted automatically (the number's auto-deletion period). */
  deleteAfter: z.number().check(z.int()),
});
export type VoicemailMessage = z.infer<typeof voicemailMessageSchema>;
export const voicemailListSchema = z.array(voicemailMessageSchema);

/** A greeting recording of the organisation, chosen per number in its voicemail settings. */
export const greetingSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(['upload', 'text']),
  /** The text espeak-ng speaks, for spoken greetings. */
  text: z.nullable(z.string()),
  durationMs: z.number().check(z.int(), z.nonnegative()),
  createdAt: z.number().check(z.int()),
});
export type Greeting = z.infer<typeof greetingSchema>;
export const greetingListSchema = z.array(greetingSchema);

export const GREETING_MAX_SECONDS = 120;
export const GREETING_MAX_BYTES = 10 * 1024 * 1024;
export const greetingNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the greeting a name'),
    z.maxLength(60, 'Greeting names are up to 60 characters'),
  );

/** POST /api/numbers/greetings with JSON: a greeting espeak-ng speaks. (Uploads send the audio file as the body.) */
export const spokenGreetingInputSchema = z.strictObject({
  name: greetingNameSchema,
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Type what the greeting says'),
      z.maxLength(600, 'Spoken greetings are up to 600 characters'),
    ),
});
export type SpokenGreetingInput = z.infer<typeof spokenGreetingInputSchema>;
