import { Router } from 'express';
import { getBusinessHours, updateBusinessHours } from '../domain/business-hours';
import { dryRun } from '../domain/dry-run';
import type { RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** The routing dry-run (supervisors and admins) and the organisation's business hours. */
export function routingRoutes(deps: RouteDeps): Router {
  const r = Router();
  const me = (req: unknown) => (req as AuthedRequest).staff;
  const presenceOf = (orgId: string) => deps.presence.listOrg(orgId);

  r.post(
    '/api/routing/dry-run',
    requireStaff(deps, ['supervisor', 'admin']),
    (req, res) => void res.json(dryRun({ ...deps, presenceOf }, me(req), req.body)),
  );
  r.get('/api/org/business-hours', requireStaff(deps), (req, res) => void res.json(getBusinessHours(deps, me(req))));
  r.put(
    '/api/org/business-hours',
    requireStaff(deps, ['admin']),
    (req, res) => void res.json(updateBusinessHours(deps, me(req), req.body)),
  );
  return r;
}
