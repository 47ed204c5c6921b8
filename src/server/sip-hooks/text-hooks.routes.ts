import express, { Router, type Request, type Response } from 'express';
import { textHookQuerySchema } from '../../common/text-hooks';
import { hookGuard } from '../auth/hook-guard';
import type { TextsService } from '../notifications/texts-service';

/** Kamailio's text hooks: a MESSAGE in from the phone network, a MESSAGE out from an agent. Served on the loopback hook
 * listener, with the token in a header. */
export function textHookRoutes(deps: { texts: TextsService; token: string; log?: (line: string) => void }): Router {
  const r = Router();
  const guard = hookGuard(deps.token);
  // The body is the text exactly as sent; it is stored as it is and never goes into a header.
  const body = express.raw({ type: () => true, limit: '64kb' });
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The body as text; null when its bytes are not valid UTF-8 (refused, not repaired). */
  const text = (req: Request): string | null => {
    if (!Buffer.isBuffer(req.body)) return '';
    try {
      return utf8.decode(req.body);
    } catch {
      return null;
    }
  };
  const inbound = (req: Request, res: Response) => {
    const answer = deps.texts.inbound(textHookQuerySchema.parse(req.query), text(req));
    deps.log?.(`[sip-hooks] text in ${String(req.query.callId)}: ${answer.action}`);
    res.json(answer);
  };
  const outbound = (req: Request, res: Response) => {
    const answer = deps.texts.outbound(textHookQuerySchema.parse(req.query), text(req));
    deps.log?.(`[sip-hooks] text out ${String(req.query.callId)}: ${JSON.stringify(answer)}`);
    res.json(answer);
  };
  // Kamailio's pooled connection POSTs the text, and asks with a GET when the MESSAGE has no body (http_connect
  // never sends an empty POST): the same question, its text empty.
  r.route('/internal/sip/text-in').all(guard, body).get(inbound).post(inbound);
  r.route('/internal/sip/text-out').all(guard, body).get(outbound).post(outbound);
  return r;
}
