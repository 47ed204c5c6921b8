import { hashPassword } from '../auth/passwords';
import type { Repos } from '../storage/repos';
import { DEMO_PASSWORD, demoNumbers, demoOrg, demoStaff } from './demo-org';

/** Seeds the demo organisation into an empty database; does nothing when any organisation exists. */
export async function seedDemo(repos: Repos): Promise<boolean> {
  if (repos.orgs.count() > 0) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  const insertNumber = repos.db.prepare(`INSERT INTO virtual_numbers
    (id, org_id, number, display_name, type, kind, country, city, time_zone, updated_at, updated_by)
    VALUES (@id, @orgId, @number, @displayName, @type, @kind, @country, @city, @timeZone, @now, 'staff-admin')`);
  repos.db.transaction(() => {
    repos.orgs.insert(demoOrg);
    for (const s of demoStaff) repos.staff.insert({ ...s, orgId: demoOrg.id, passwordHash: hash });
    for (const n of demoNumbers) insertNumber.run({ ...n, orgId: demoOrg.id, now });
  })();
  return true;
}
