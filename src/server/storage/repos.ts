import type { Db } from './database';
import { createOrgRepo, type OrgRepo } from './org-repo';
import { createSessionRepo, type SessionRepo } from './session-repo';
import { createStaffRepo, type StaffRepo } from './staff-repo';

/** Every repository the companion uses, built once over one database. */
export type Repos = { db: Db; orgs: OrgRepo; staff: StaffRepo; sessions: SessionRepo };

export function createRepos(db: Db): Repos {
  return { db, orgs: createOrgRepo(db), staff: createStaffRepo(db), sessions: createSessionRepo(db) };
}
