import { z } from 'zod';
import { EXTENSION_PATTERN, PHONE_NUMBER_PATTERN } from './dial-plan';

/**
 * The contract between the voicemail service (its own process) and the companion, on loopback with the hook
 * token in the `x-hook-token` header. The companion owns every voicemail row and file; the service only
 * answers calls, plays audio and records.
 *
 *   GET  /internal/voicemail/boxes/:boxId               → box (greeting to play, limits), 404 when there is none
 *   GET  /internal/voicemail/audio/greeting/:boxId      → the box's greeting, raw PCMU 8 kHz (audio/basic)
 *   GET  /internal/voicemail/audio/prompt/:name         → a portal prompt, raw PCMU 8 kHz
 *   POST /internal/voicemail/messages?<message query>   → body: WAV (8 kHz); stores file and row together
 *   POST /internal/voicemail/portal/login               → { who, pin } → the box's unheard messages, or refused
 *   GET  /internal/voicemail/audio/message/:id          → a message's audio, raw PCMU 8 kHz
 *   POST /internal/voicemail/messages/:id/heard         → marks a message heard after the portal played it
 */
export { HOOK_TOKEN_HEADER } from './sip-hooks';

export const boxInfoSchema = z.object({
  boxId: z.string(),
  orgId: z.string(),
  displayName: z.string(),
  /** Longest message in seconds (then the service hangs up). */
  maxSeconds: z.number().int().positive(),
});
export type BoxInfo = z.infer<typeof boxInfoSchema>;

export const newMessageQuerySchema = z.object({
  boxId: z.string().min(1),
  callId: z.string().min(1),
  caller: z.string(),
  /** Epoch ms when recording started (after the beep). */
  startedAt: z.coerce.number().int(),
  /** Milliseconds of sound in the message (silence at the end excluded). */
  soundMs: z.coerce.number().int().nonnegative(),
});
export type NewMessageQuery = z.infer<typeof newMessageQuerySchema>;

export const portalPrompts = [
  'enter-pin',
  'wrong-pin',
  'goodbye',
  'no-messages',
  'next-message',
  'end-of-messages',
  'unknown-box',
] as const;
export const portalPromptSchema = z.enum(portalPrompts);
export type PortalPrompt = z.infer<typeof portalPromptSchema>;

/** Who calls the portal: an agent's extension (from a softphone) or the main number dialled (from the phone network). */
export const portalLoginSchema = z.object({
  who: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('extension'), extension: z.string().regex(new RegExp(EXTENSION_PATTERN)) }),
    z.object({ kind: z.literal('number'), number: z.string().regex(new RegExp(PHONE_NUMBER_PATTERN)) }),
  ]),
  pin: z.string().max(16),
});
export type PortalLogin = z.infer<typeof portalLoginSchema>;

export const portalLoginResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    boxId: z.string(),
    messages: z.array(z.object({ id: z.string(), durationMs: z.number().int() })),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-box', 'wrong-pin']) }),
]);
export type PortalLoginResult = z.infer<typeof portalLoginResultSchema>;
