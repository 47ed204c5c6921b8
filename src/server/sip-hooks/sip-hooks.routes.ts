import { Router, type Response } from 'express';
import { AppError } from '../../common/errors';
import {
  callEventQuerySchema,
  extensionQuerySchema,
  internalCallProgressQuerySchema,
  internalCallQuerySchema,
  outboundQuerySchema,
  registrationQuerySchema,
  routeQuerySchema,
  type RegistrationQuery,
} from '../../common/sip-hooks';
import { hookGuard } from '../auth/hook-guard';
import type { InboundCalls } from '../domain/inbound-calls';
import type { InternalCalls } from '../domain/internal-calls';
import type { LiveInternalCalls } from '../domain/live-internal-calls';
import type { OutboundCalls } from '../domain/outbound-calls';

export type SipHookDeps = {
  calls: InboundCalls;
  outbound: OutboundCalls;
  internal?: InternalCalls;
  /** Calls between extensions while they last (the board's Call column). */
  liveInternal?: LiveInternalCalls;
  token: string;
  /** Kamailio saved, removed or lost a contact (the registrar). */
  registration: (q: RegistrationQuery) => void;
  /** The organisation an extension belongs to, if any. */
  orgOfExtension: (extension: string) => string | undefined;
  log?: (line: string) => void;
  warn?: (line: string) => void;
};

/**
 * Kamailio's hooks: where does this call go next, may this agent call this customer, what happened to it, whose is
 * this extension, and who is registered. Served only on the companion's loopback hook listener, with the token in a
 * header (never in a URL or a log): see hook-guard.ts.
 */
export function sipHookRoutes(deps: SipHookDeps): Router {
  const r = Router();
  const guard = hookGuard(deps.token);
  r.get('/internal/sip/route', guard, (req, res) => {
    const q = routeQuerySchema.parse(req.query);
    const action = deps.calls.route(q);
    deps.log?.(
      `[sip-hooks] route ${q.callId} attempt ${q.attempt}${q.lastCode ? ` after ${q.lastCode}` : ''}: ${JSON.stringify(action)}`,
    );
    res.json(action);
  });
  // May this agent call this customer presenting this caller ID (engagement or not)? Never trusts the phone.
  r.get('/internal/sip/outbound', guard, (req, res) => {
    const q = outboundQuerySchema.parse(req.query);
    const answer = deps.outbound.authorise(q);
    deps.log?.(
      `[sip-hooks] outbound ${q.callId} from ${q.agent} to ${q.callee} as '${q.callerId}'${q.engagement === '1' ? ' (engagement)' : ''}: ${JSON.stringify(answer)}`,
    );
    res.json(answer);
  });
  r.get('/internal/sip/event', guard, (req, res) => {
    const q = callEventQuerySchema.parse(req.query);
    // An outbound call's event is the outbound use case's; any other is an inbound call's.
    if (!deps.outbound.event(q) && deps.calls.event(q) === 'refused') {
      // No such call, or not in a state where this can happen: a forged or late event changes nothing.
      deps.warn?.(`[sip-hooks] event ${q.event} for ${q.callId} ignored: no call in a state where it can happen`);
      return next409(res);
    }
    res.json({ ok: true });
  });
  // A call between extensions, reported once when it is over; a caller who is no agent records nothing.
  r.get('/internal/sip/internal-call', guard, (req, res) => {
    const q = internalCallQuerySchema.parse(req.query);
    if (!deps.internal?.record(q)) {
      deps.warn?.(`[sip-hooks] internal call ${q.callId} from ${q.from} ignored: not an agent's extension`);
      return next409(res);
    }
    res.json({ ok: true });
  });
  // A call between extensions rings or was answered: the board shows it until its report above.
  r.get('/internal/sip/internal-call-progress', guard, (req, res) => {
    const q = internalCallProgressQuerySchema.parse(req.query);
    if (!deps.liveInternal?.progress(q)) {
      deps.warn?.(`[sip-hooks] internal call ${q.callId} ${q.event} ignored: not two agents of one organisation`);
      return next409(res);
    }
    res.json({ ok: true });
  });
  // Who has a phone Kamailio can reach: the only source of "registered".
  r.get('/internal/sip/registration', guard, (req, res) => {
    const q = registrationQuerySchema.parse(req.query);
    deps.registration(q);
    deps.log?.(`[sip-hooks] registration ${q.event} ${'ext' in q ? q.ext : q.source}`);
    res.json({ ok: true });
  });
  r.get('/internal/sip/extension', guard, (req, res) => {
    const q = extensionQuerySchema.parse(req.query);
    res.json({ org: deps.orgOfExtension(q.ext) ?? '' });
  });
  return r;
}

function next409(res: Response) {
  res.status(409).json({ error: new AppError('CONFLICT', 'No call in a state where this event can happen.').toJSON() });
}
