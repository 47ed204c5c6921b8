import { z } from 'zod';
import { E164_DIGITS, E164_PATTERN } from './dial-plan';

/**
 * Kamailio's hooks for texts (SIP MESSAGE), on loopback with the hook token like the call hooks. The
 * message body is the POST body (text/plain, UTF-8), never part of a header or the query.
 *
 *   POST /internal/sip/text-in?token&from&to&callId&cseq   a text from the phone network to a company number
 *   POST /internal/sip/text-out?token&from&to&callId&cseq  an agent (From = their authenticated extension)
 *                                                          texts a phone number: who do we send it as?
 */
export const textHookQuerySchema = z.object({
  /** From user: the texter's number (inbound) or the agent's authenticated extension (outbound). */
  from: z.string().min(1, 'from is required'),
  /** Request-URI user: the company number (inbound) or the customer's number (outbound). */
  to: z.string().min(1, 'to is required'),
  callId: z.string().min(1, 'callId is required'),
  cseq: z.string().default(''),
});
export type TextHookQuery = z.infer<typeof textHookQuerySchema>;

export const textHookAnswerSchema = z.discriminatedUnion('action', [
  /** Inbound: stored; Kamailio answers 202 Accepted. */
  z.object({ action: z.literal('accept') }),
  /** Outbound: relay to `target` (the gateway) with From = sip:`from`@domain, the company number. */
  z.object({
    action: z.literal('relay'),
    from: z.string().regex(new RegExp(E164_PATTERN)),
    target: z.string().regex(new RegExp(`^sip:${E164_DIGITS}@[^\\s"]+$`)),
  }),
  z.object({ action: z.literal('reject'), code: z.number().int().min(400).max(699), reason: z.string() }),
]);
export type TextHookAnswer = z.infer<typeof textHookAnswerSchema>;
