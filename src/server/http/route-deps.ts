import type { Revocation } from '../auth/revocation';
import type { Sessions } from '../auth/sessions';
import type { PresenceService } from '../presence/presence-service';
import type { Repos } from '../storage/repos';
import type { StaffRepo } from '../storage/staff-repo';

/** What the settings, contacts and routing routes need. */
export type RouteDeps = {
  repos: Repos;
  sessions: Sessions;
  staff: StaffRepo;
  presence: PresenceService;
  revocation: Revocation;
  now: () => number;
};

/** The `:id` of the path. */
export const idParam = (req: { params: Record<string, unknown> }): string => String(req.params.id);
