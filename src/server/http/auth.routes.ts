import { Router, type Request, type Response } from 'express';
import { loginRequestSchema, passwordChangeSchema, type SipCredentials } from '../../common/auth';
import { passwordProblem } from '../../common/domain/password-policy';
import { AppError } from '../../common/errors';
import { mintEphemeralCredentials } from '../auth/ephemeral-credentials';
import type { LoginThrottle } from '../auth/login-throttle';
import { hashPassword } from '../auth/passwords';
import type { Revocation } from '../auth/revocation';
import { hashToken, readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { checkPassword, signIn, toMe } from '../auth/sign-in';
import type { Config } from '../config';
import type { ChangeRepo } from '../storage/change-repo';
import type { StaffRepo } from '../storage/staff-repo';
import type { Repos } from '../storage/repos';
import { orgCountry } from '../domain/org-country';
import { requireStaff, type AuthedRequest } from './require-staff';

type Deps = {
  config: Config;
  repos: Repos;
  sessions: Sessions;
  staff: StaffRepo;
  changes: ChangeRepo;
  throttle: LoginThrottle;
  revocation: Revocation;
  now: () => number;
};

function setSessionCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs });
}

/** The address a sign-in comes from (the socket's; a loopback reverse proxy may name the client). */
const sourceOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export function authRoutes(deps: Deps): Router {
  const r = Router();
  const authed = requireStaff(deps);

  r.post('/api/auth/login', async (req, res) => {
    const body = loginRequestSchema.parse(req.body ?? {});
    const staff = await signIn(deps, body, sourceOf(req));
    const session = deps.sessions.open(staff.id);
    setSessionCookie(res, session.token, deps.config.sessionMs, req.secure);
    res.json(toMe(staff, orgCountry(deps.repos, staff.orgId)));
  });

  // Ends this session, closes the feed sockets it opened and, when it was the last, the phone's SIP access.
  r.post('/api/auth/logout', async (req, res) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      const staffId = deps.sessions.staffIdFor(token);
      const staff = staffId ? deps.staff.findById(staffId) : undefined;
      await deps.revocation.signOut(staffId, token, hashToken(token), staff?.extension ?? null);
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.get('/api/auth/me', authed, (req, res) => {
    const me = (req as AuthedRequest).staff;
    res.json(toMe(me, orgCountry(deps.repos, me.orgId)));
  });

  // Self-service password change: the current password is checked (and throttled like a sign-in); every
  // other session of the person ends, with its sockets and SIP credentials. This browser stays signed in.
  r.post('/api/auth/password', authed, async (req, res) => {
    const me = (req as AuthedRequest).staff;
    const body = passwordChangeSchema.parse(req.body ?? {});
    const problem = passwordProblem(body.newPassword, me.email);
    if (problem) throw new AppError('INVALID_INPUT', `newPassword: ${problem}`, ['newPassword']);
    if (body.newPassword === body.currentPassword)
      throw new AppError('INVALID_INPUT', 'newPassword: choose a password you have not used here', ['newPassword']);
    try {
      await checkPassword(deps, me.email, body.currentPassword, sourceOf(req));
    } catch (err) {
      if (err instanceof AppError && err.code === 'BAD_CREDENTIALS')
        throw new AppError('INVALID_INPUT', 'currentPassword: that is not your current password', ['currentPassword']);
      throw err;
    }
    const passwordHash = await hashPassword(body.newPassword);
    deps.staff.update(me.orgId, me.id, { passwordHash });
    deps.changes.record({
      orgId: me.orgId,
      entity: 'staff',
      entityId: me.id,
      section: 'profile',
      summary: 'Changed their own password',
      before: null,
      after: null,
      by: { id: me.id, name: me.name },
      at: deps.now(),
    });
    const token = readCookie(req.headers.cookie, SESSION_COOKIE)!;
    await deps.revocation.revokePerson(me.id, [me.extension], { token, hash: hashToken(token) });
    res.status(204).end();
  });

  r.get('/api/sip/credentials', authed, (req, res) => {
    const staff = (req as AuthedRequest).staff;
    if (!staff.extension) throw new AppError('FORBIDDEN', 'You have no extension, so you cannot use the phone.');
    const { sip } = deps.config;
    // After a revocation, new credentials must expire later than every revoked one.
    const minTtl = deps.revocation.minExpiry(staff.extension) - Math.floor(deps.now() / 1000);
    const c = mintEphemeralCredentials(
      sip.authSecret,
      staff.extension,
      Math.max(sip.credentialSeconds, minTtl),
      deps.now(),
    );
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
