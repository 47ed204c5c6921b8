import { Router } from 'express';
import type { PresenceService } from '../presence/presence-service';
import type { Sessions } from '../auth/sessions';
import type { StaffRepo } from '../storage/staff-repo';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Supervisors and admins see everyone in their organisation; agents see themselves. */
export function presenceRoutes(deps: { sessions: Sessions; staff: StaffRepo; presence: PresenceService }): Router {
  const r = Router();
  r.get('/api/presence', requireStaff(deps), (req, res) => {
    const me = (req as AuthedRequest).staff;
    const all = deps.presence.listOrg(me.orgId);
    res.json(me.role === 'agent' ? all.filter((p) => p.staffId === me.id) : all);
  });
  return r;
}
