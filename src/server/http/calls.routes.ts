import { Router } from 'express';
import { z } from 'zod';
import type { Sessions } from '../auth/sessions';
import type { CallHistory } from '../domain/call-history';
import type { StaffRepo } from '../storage/staff-repo';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Call history: agents see their own calls; supervisors and admins the whole organisation's. */
export function callRoutes(deps: { sessions: Sessions; staff: StaffRepo; history: CallHistory }): Router {
  const r = Router();
  r.get('/api/calls', requireStaff(deps), (req, res) => {
    const me = (req as AuthedRequest).staff;
    const { limit } = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).parse(req.query);
    res.json(deps.history(me.orgId, me.role === 'agent' ? me.id : null, limit));
  });
  return r;
}
