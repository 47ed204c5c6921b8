import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../common/errors';
import { HOOK_TOKEN_HEADER } from '../../common/sip-hooks';

/**
 * The token a hook request presents: the `X-Hook-Token` header, or the password of HTTP Basic authorization
 * (Kamailio's pooled http_client connections can send no header of their own, only Basic credentials). Both
 * are headers: the token is never in a URL, which logs print.
 */
export function presentedHookToken(req: { get(name: string): string | undefined }): string {
  const header = req.get(HOOK_TOKEN_HEADER);
  if (header !== undefined) return String(header);
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(String(req.get('authorization') ?? ''));
  if (!basic) return '';
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? '' : decoded.slice(colon + 1);
}

export function sameHookToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Express middleware: only requests presenting the hook token pass (403 otherwise). */
export function hookGuard(token: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!sameHookToken(presentedHookToken(req), token)) return next(new AppError('FORBIDDEN', 'Bad hook token.'));
    next();
  };
}
