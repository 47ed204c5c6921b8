import { AppError } from '../../common/errors';
import type { LoginRequest, Me } from '../../common/auth';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';
import { throttleKeys, type LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';

/** The signed-in person as the browser sees them; `country` is the organisation's (domain/org-country.ts). */
export function toMe(s: StaffRecord, country: string): Me {
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: s.orgName,
    name: s.name,
    email: s.email,
    role: s.role,
    extension: s.extension,
    country,
  };
}

type SignInDeps = { staff: StaffRepo; throttle: LoginThrottle; now: () => number };

/**
 * Checks a password for an email address. The attempt is reserved against the address, the source and the
 * whole companion before the (slow) hash is computed, so parallel guesses are counted like sequential ones.
 */
export async function checkPassword(
  deps: SignInDeps,
  email: string,
  password: string,
  source: string,
): Promise<StaffRecord> {
  const keys = [throttleKeys.email(email), throttleKeys.source(source), throttleKeys.global];
  const wait = deps.throttle.reserve(keys, deps.now());
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} s.`);
  }
  const staff = deps.staff.findByEmail(email);
  // Verify against a real hash even for unknown addresses so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !ok) throw new AppError('BAD_CREDENTIALS', 'Wrong email or password.');
  deps.throttle.succeed(keys, [throttleKeys.email(email)]);
  return staff;
}

export function signIn(deps: SignInDeps, req: LoginRequest, source: string): Promise<StaffRecord> {
  return checkPassword(deps, req.email, req.password, source);
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
