import { Router } from 'express';
import { createStaff, getStaff, listStaff, listStaffChanges, updateStaff } from '../domain/staff-admin';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Everyone in the organisation lists its staff (pickers); only admins add or change them. */
export function staffRoutes(deps: RouteDeps): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const admin = requireStaff(deps, ['admin']);
  const me = (req: unknown) => (req as AuthedRequest).staff;

  r.get('/api/staff', anyone, (req, res) => void res.json(listStaff(deps, me(req))));
  r.get('/api/staff/:id', anyone, (req, res) => void res.json(getStaff(deps, me(req), idParam(req))));
  r.get('/api/staff/:id/changes', admin, (req, res) => void res.json(listStaffChanges(deps, me(req), idParam(req))));
  r.post(
    '/api/staff',
    admin,
    async (req, res) => void res.status(201).json(await createStaff(deps, me(req), req.body)),
  );
  r.patch(
    '/api/staff/:id',
    admin,
    async (req, res) => void res.json(await updateStaff(deps, me(req), idParam(req), req.body)),
  );
  return r;
}
