import { verifyPassword } from '../auth/passwords';
import type { Repos } from '../storage/repos';
import { DEMO_PASSWORD, demoStaff } from './demo-org';

/** A stored hash no password matches: the account can sign in again only after an admin sets a password. */
export const LOCKED_PASSWORD = 'locked$published-demo-password';

/**
 * When the companion is reachable from other machines, the demo accounts' published password must not work:
 * every demo account still using it is locked. Answers the emails locked.
 */
export async function lockDemoPasswords(repos: Repos): Promise<string[]> {
  const locked: string[] = [];
  for (const demo of demoStaff) {
    const staff = repos.staff.findByEmail(demo.email);
    if (!staff || !(await verifyPassword(DEMO_PASSWORD, staff.passwordHash))) continue;
    repos.staff.update(staff.orgId, staff.id, { passwordHash: LOCKED_PASSWORD });
    locked.push(staff.email);
  }
  return locked;
}
