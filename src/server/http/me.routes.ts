import { Router } from 'express';
import { chooseCallerId, myBindings, myCallerIds, releaseBinding } from '../domain/my-caller-ids';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** The signed-in agent's own caller IDs (the picker) and bindings. */
export function meRoutes(deps: RouteDeps): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const me = (req: unknown) => (req as AuthedRequest).staff;
  r.get('/api/me/caller-ids', anyone, (req, res) => void res.json(myCallerIds(deps, me(req), req.query)));
  r.put('/api/me/caller-id', anyone, (req, res) => void res.json(chooseCallerId(deps, me(req), req.body)));
  r.get('/api/me/bindings', anyone, (req, res) => void res.json(myBindings(deps, me(req))));
  r.delete('/api/me/bindings/:id', anyone, (req, res) => {
    releaseBinding(deps, me(req), idParam(req));
    res.status(204).end();
  });
  return r;
}
