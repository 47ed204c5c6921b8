import { Router } from 'express';
import {
  addAwayReason,
  getPresenceSettings,
  removeAwayReason,
  renameAwayReason,
  updateWrapUp,
} from '../domain/presence-settings';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Wrap-up seconds and away reasons: read by everyone in the organisation, changed by its admins. */
export function presenceSettingsRoutes(deps: RouteDeps): Router {
  const r = Router();
  const me = (req: unknown) => (req as AuthedRequest).staff;
  const signedIn = requireStaff(deps);
  r.get('/api/org/presence-settings', signedIn, (req, res) => void res.json(getPresenceSettings(deps, me(req))));
  r.put(
    '/api/org/presence-settings/wrap-up',
    signedIn,
    (req, res) => void res.json(updateWrapUp(deps, me(req), req.body)),
  );
  r.post(
    '/api/org/away-reasons',
    signedIn,
    (req, res) => void res.status(201).json(addAwayReason(deps, me(req), req.body)),
  );
  r.patch(
    '/api/org/away-reasons/:id',
    signedIn,
    (req, res) => void res.json(renameAwayReason(deps, me(req), idParam(req), req.body)),
  );
  r.delete(
    '/api/org/away-reasons/:id',
    signedIn,
    (req, res) => void res.json(removeAwayReason(deps, me(req), idParam(req))),
  );
  return r;
}
