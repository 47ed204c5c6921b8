import { Router, type Response } from 'express';
import { loginRequestSchema, type SipCredentials } from '../../common/auth';
import { AppError } from '../../common/errors';
import { mintEphemeralCredentials } from '../auth/ephemeral-credentials';
import type { LoginThrottle } from '../auth/login-throttle';
import { readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { signIn, toMe } from '../auth/sign-in';
import type { Config } from '../config';
import type { StaffRepo } from '../storage/staff-repo';
import { requireStaff, type AuthedRequest } from './require-staff';

type Deps = { config: Config; sessions: Sessions; staff: StaffRepo; throttle: LoginThrottle; now: () => number };

function setSessionCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs });
}

export function authRoutes(deps: Deps): Router {
  const r = Router();
  const authed = requireStaff(deps);

  r.post('/api/auth/login', async (req, res) => {
    const body = loginRequestSchema.parse(req.body ?? {});
    const staff = await signIn(deps, body);
    const session = deps.sessions.open(staff.id);
    setSessionCookie(res, session.token, deps.config.sessionMs, req.secure);
    res.json(toMe(staff));
  });

  r.post('/api/auth/logout', (req, res) => {
    deps.sessions.close(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.get('/api/auth/me', authed, (req, res) => {
    res.json(toMe((req as AuthedRequest).staff));
  });

  r.get('/api/sip/credentials', authed, (req, res) => {
    const staff = (req as AuthedRequest).staff;
    if (!staff.extension) throw new AppError('FORBIDDEN', 'You have no extension, so you cannot use the phone.');
    const { sip } = deps.config;
    const c = mintEphemeralCredentials(sip.authSecret, staff.extension, sip.credentialSeconds, deps.now());
    const body: SipCredentials = {
      ...c,
      uri: `sip:${staff.extension}@${sip.domain}`,
      displayName: staff.name,
      domain: sip.domain,
      wsUrl: sip.wsUrl,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  return r;
}
