import { Router, type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../common/errors';
import { callEventQuerySchema, outboundQuerySchema, routeQuerySchema } from '../../common/sip-hooks';
import type { InboundCalls } from '../calls/inbound-calls';
import type { OutboundCalls } from '../domain/outbound-calls';

/** Kamailio's hooks: where does this call go next, and what happened to it. Loopback and token only. */
export function sipHookRoutes(deps: { calls: InboundCalls; outbound: OutboundCalls; token: string; log?: (line: string) => void }): Router {
  const r = Router();
  const expected = Buffer.from(deps.token);
  const guard = (req: Request, _res: Response, next: NextFunction) => {
    const given = Buffer.from(String(req.query.token ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next(new AppError('FORBIDDEN', 'Bad hook token.'));
    next();
  };
  r.get('/internal/sip/route', guard, (req, res) => {
    const q = routeQuerySchema.parse(req.query);
    const action = deps.calls.route(q);
    deps.log?.(`[sip-hooks] route ${q.callId} attempt ${q.attempt}${q.lastCode ? ` after ${q.lastCode}` : ''}: ${JSON.stringify(action)}`);
    res.json(action);
  });
  // May this agent call this customer presenting this caller ID (engagement or not)? Never trusts the phone.
  r.get('/internal/sip/outbound', guard, (req, res) => {
    const q = outboundQuerySchema.parse(req.query);
    const answer = deps.outbound.authorise(q);
    deps.log?.(`[sip-hooks] outbound ${q.callId} from ${q.agent} to ${q.callee} as '${q.callerId}'${q.engagement === '1' ? ' (engagement)' : ''}: ${JSON.stringify(answer)}`);
    res.json(answer);
  });
  r.get('/internal/sip/event', guard, (req, res) => {
    const q = callEventQuerySchema.parse(req.query);
    if (!deps.outbound.event(q)) deps.calls.event(q);
    res.json({ ok: true });
  });
  return r;
}
