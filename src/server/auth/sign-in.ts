import { AppError } from '../../common/errors';
import type { LoginRequest, Me } from '../../common/auth';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';
import type { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';

export function toMe(s: StaffRecord): Me {
  return { id: s.id, orgId: s.orgId, orgName: s.orgName, name: s.name, email: s.email, role: s.role, extension: s.extension };
}

/** Checks an email and password; repeated failures for one address are slowed down. */
export async function signIn(deps: { staff: StaffRepo; throttle: LoginThrottle; now: () => number }, req: LoginRequest): Promise<StaffRecord> {
  const wait = deps.throttle.waitMs(req.email, deps.now());
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins for this address. Try again in ${Math.ceil(wait / 1000)} s.`);
  }
  const staff = deps.staff.findByEmail(req.email);
  // Verify against a real hash even for unknown addresses so timing does not reveal which emails exist.
  const ok = await verifyPassword(req.password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !ok) {
    deps.throttle.fail(req.email, deps.now());
    throw new AppError('BAD_CREDENTIALS', 'Wrong email or password.');
  }
  deps.throttle.succeed(req.email);
  return staff;
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
