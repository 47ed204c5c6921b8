import { z } from 'zod';
import { E164_PATTERN } from './dial-plan';

/**
 * The contract between Kamailio and the companion. Kamailio calls these over HTTP on the companion's
 * loopback-only hook listener (HOOK_PORT), with the hook token in the X-Hook-Token header; answers are JSON
 * that Kamailio reads with jansson.
 *
 *   GET /internal/sip/route?callId&from&to&attempt=0            → first step of the call
 *   GET /internal/sip/route?callId&from&to&attempt=N&lastCode=C → next step after step N-1 failed with C
 *   GET /internal/sip/event?callId&event&code[&ext|&by]         → a fact about the call; { ok: true }, or 409
 *                                                                  when no call is in a state where it can happen
 *   GET /internal/sip/extension?ext                             → { org } of that extension ("" for none)
 */
export const HOOK_TOKEN_HEADER = 'X-Hook-Token';

export const routeQuerySchema = z.object({
  callId: z.string().min(1, 'callId is required'),
  /** The caller: From user (a phone number, ideally E.164). */
  from: z.string(),
  /** The number dialled: request-URI user. */
  to: z.string().min(1, 'to is required'),
  attempt: z.coerce.number().int().min(0).default(0),
  /** Final SIP status of the previous step (408 no answer, 486 busy, 480/404 unavailable...). */
  lastCode: z.coerce.number().int().optional(),
});
export type RouteQuery = z.infer<typeof routeQuerySchema>;

export const hookActionSchema = z.discriminatedUnion('action', [
  z.object({
    /** Ring every target of this step at once, for `timeout` seconds; then ask again with attempt+1. */
    action: z.literal('ring'),
    timeout: z.number().int().positive(),
    /** SIP URIs: agents as sip:<extension>@<domain> (looked up in location), external numbers at the gateway. */
    targets: z.array(z.string()).min(1),
  }),
  z.object({
    /** Answer the caller with this final status (486 busy for the 51st company call, 480 missed / reserved...). */
    action: z.literal('reject'),
    code: z.number().int().min(400).max(699),
    reason: z.string(),
  }),
]);
export type HookAction = z.infer<typeof hookActionSchema>;

export const callEventNames = ['answered', 'ended', 'cancelled', 'failed'] as const;
export const callEventQuerySchema = z.object({
  callId: z.string().min(1),
  /** answered: a 200 to the INVITE; ended: BYE from either side; cancelled: caller hung up while ringing; failed: final failure. */
  event: z.enum(callEventNames),
  code: z.coerce.number().int().optional(),
  /** For ended: who sent the BYE, 'caller' or 'callee'. */
  by: z.enum(['caller', 'callee']).optional(),
  /** For answered: the extension whose phone sent the 200, as Kamailio saw it (empty: a phone-network destination). */
  ext: z.string().max(32).optional(),
});
export type CallEventQuery = z.infer<typeof callEventQuerySchema>;

export const extensionQuerySchema = z.object({ ext: z.string().min(1, 'ext is required').max(32) });

/**
 * Calls to the phone network. For every outbound INVITE from an agent Kamailio asks, in an async worker:
 *
 *   GET /internal/sip/outbound?callId&agent&callee&callerId&engagement → allow or refuse
 *
 * `agent` is the authenticated From user (the extension), `callerId` the raw `X-Caller-ID` header (empty
 * when absent), `engagement` the raw `X-Engagement` header ("1" asks for engagement mode). Nothing the
 * phone sent is trusted: the companion decides. Call events use /internal/sip/event as above.
 */
export const outboundQuerySchema = z.object({
  callId: z.string().min(1, 'callId is required'),
  agent: z.string().min(1, 'agent is required'),
  callee: z.string().min(1, 'callee is required'),
  callerId: z.string().default(''),
  engagement: z.string().default(''),
});
export type OutboundQuery = z.infer<typeof outboundQuerySchema>;

export const outboundAnswerSchema = z.discriminatedUnion('action', [
  z.object({
    /** Send the call to the gateways in order (the next when one cannot be reached). */
    action: z.literal('allow'),
    /** E.164: the From user and P-Asserted-Identity toward the phone network. */
    callerId: z.string().regex(new RegExp(E164_PATTERN)),
    /** The agent's name as the admin wrote it, made safe for a quoted SIP display name. */
    displayName: z.string(),
    targets: z.array(z.string()).min(1),
  }),
  z.object({ action: z.literal('reject'), code: z.number().int().min(400).max(699), reason: z.string() }),
]);
export type OutboundAnswer = z.infer<typeof outboundAnswerSchema>;

/**
 * Calls between extensions. Kamailio reports each one once, when it is over (so events can never arrive out of
 * order), from what it observed itself: the authenticated caller, the extension dialled, the times it saw.
 *
 *   GET /internal/sip/internal-call?callId&from&to&outcome&startedAt[&answeredAt][&code][&by]   → { ok: true }
 *
 * outcome: ended (answered, then a BYE from `by`), failed (a final refusal `code`: 404 nobody there, 486 declined,
 * 408 no answer...), cancelled (the caller hung up while it rang). Times are Kamailio's epoch seconds.
 */
export const internalCallQuerySchema = z.object({
  callId: z.string().min(1, 'callId is required').max(200),
  from: z.string().min(1, 'from is required').max(32),
  to: z.string().min(1, 'to is required').max(32),
  outcome: z.enum(['ended', 'failed', 'cancelled']),
  startedAt: z.coerce.number().int().positive(),
  answeredAt: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
  code: z.coerce.number().int().min(100).max(699).optional(),
  by: z.enum(['caller', 'callee']).optional(),
});
export type InternalCallQuery = z.infer<typeof internalCallQuerySchema>;

/**
 * A call between extensions while it lasts, for the supervisor's board (the history still comes from the report
 * above, once it is over): Kamailio tells when it relays the INVITE to the callee's phone and when the callee
 * answers, fire-and-forget.
 *
 *   GET /internal/sip/internal-call-progress?callId&from&to&event=ringing|answered&startedAt   → { ok: true }
 */
export const internalCallProgressQuerySchema = z.object({
  callId: z.string().min(1, 'callId is required').max(200),
  from: z.string().min(1, 'from is required').max(32),
  to: z.string().min(1, 'to is required').max(32),
  event: z.enum(['ringing', 'answered']),
  startedAt: z.coerce.number().int().positive(),
});
export type InternalCallProgressQuery = z.infer<typeof internalCallProgressQuerySchema>;

/**
 * Registrations, as Kamailio holds them (one contact per extension). Kamailio reports every change:
 *
 *   GET /internal/sip/registration?event=registered&ext&contact&expires&source  → after each REGISTER it saved
 *   GET /internal/sip/registration?event=removed&ext                             → an unREGISTER left no contact
 *   GET /internal/sip/registration?event=expired&ext&contact                     → usrloc let the contact expire
 *   GET /internal/sip/registration?event=closed&source                           → the WebSocket it came over closed
 *
 * `expires` is the seconds the contact has left by Kamailio's own clock; `source` is `proto:ip:port` of the
 * connection the REGISTER came over. Answer: { ok: true }.
 */
export const registrationEvents = ['registered', 'removed', 'expired', 'closed'] as const;
const extensionParam = z.string().regex(/^[0-9]{1,15}$/, 'ext must be an extension');
const sourceParam = z
  .string()
  .regex(/^(udp|tcp|tls|ws|wss|sctp):[0-9a-fA-F.:[\]]+:[0-9]{1,5}$/, 'source must be proto:ip:port');
export const registrationQuerySchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('registered'),
    ext: extensionParam,
    contact: z.string().min(1).max(512),
    expires: z.coerce.number().int().min(1).max(86_400),
    source: sourceParam,
  }),
  z.object({ event: z.literal('removed'), ext: extensionParam }),
  z.object({ event: z.literal('expired'), ext: extensionParam, contact: z.string().min(1).max(512) }),
  z.object({ event: z.literal('closed'), source: sourceParam }),
]);
export type RegistrationQuery = z.infer<typeof registrationQuerySchema>;
