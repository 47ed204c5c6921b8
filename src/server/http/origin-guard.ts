import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../common/errors';

/**
 * Writes must come from one of our own origins (the session cookie is SameSite=Lax; this closes the rest of
 * the cross-site request gap). Requests without an Origin header (curl, server-to-server) are let through:
 * they carry no browser's ambient cookie.
 */
export function originGuard(allowed: (origin: string) => boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin && !allowed(origin)) {
      return next(new AppError('FORBIDDEN', `Requests from ${origin} are not allowed.`));
    }
    next();
  };
}
