import { Router } from 'express';
import {
  listNumberChanges,
  getNumber,
  listNumbers,
  resetMainPin,
  setMainPin,
  updateBasicInfo,
  updateCompanySettings,
  updateMainSettings,
  updateRouting,
} from '../domain/numbers';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Everyone in the organisation reads its numbers; only admins change them. */
export function numbersRoutes(deps: RouteDeps): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const admin = requireStaff(deps, ['admin']);
  const me = (req: unknown) => (req as AuthedRequest).staff;

  r.get('/api/numbers', anyone, (req, res) => void res.json(listNumbers(deps, me(req))));
  r.get('/api/numbers/:id', anyone, (req, res) => void res.json(getNumber(deps, me(req), idParam(req))));
  r.get(
    '/api/numbers/:id/changes',
    anyone,
    (req, res) => void res.json(listNumberChanges(deps, me(req), idParam(req))),
  );
  r.patch(
    '/api/numbers/:id/basic',
    admin,
    (req, res) => void res.json(updateBasicInfo(deps, me(req), idParam(req), req.body)),
  );
  r.put(
    '/api/numbers/:id/routing',
    admin,
    (req, res) => void res.json(updateRouting(deps, me(req), idParam(req), req.body)),
  );
  r.put(
    '/api/numbers/:id/company',
    admin,
    (req, res) => void res.json(updateCompanySettings(deps, me(req), idParam(req), req.body)),
  );
  r.put(
    '/api/numbers/:id/main',
    admin,
    (req, res) => void res.json(updateMainSettings(deps, me(req), idParam(req), req.body)),
  );
  r.post(
    '/api/numbers/:id/main/reset-pin',
    admin,
    (req, res) => void res.json(resetMainPin(deps, me(req), idParam(req))),
  );
  r.post(
    '/api/numbers/:id/main/pin',
    admin,
    (req, res, next) => void setMainPin(deps, me(req), idParam(req), req.body).then((view) => res.json(view), next),
  );
  return r;
}
