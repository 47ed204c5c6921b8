import { Router } from 'express';
import type { Sessions } from '../auth/sessions';
import type { StaffRepo } from '../storage/staff-repo';
import {
  agentTimeline,
  boardSnapshot,
  setAgentPresence,
  signOutAgent,
  type SupervisionDeps,
} from '../supervisor/supervision';
import { idParam } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** The supervisor's board: supervisors and admins of the organisation only (the use cases check it). */
export function supervisorRoutes(deps: SupervisionDeps & { sessions: Sessions; staff: StaffRepo }): Router {
  const r = Router();
  const me = (req: unknown) => (req as AuthedRequest).staff;
  const signedIn = requireStaff(deps);
  r.get('/api/supervisor/board', signedIn, (req, res) => void res.json(boardSnapshot(deps, me(req))));
  r.get(
    '/api/supervisor/agents/:id/timeline',
    signedIn,
    (req, res) => void res.json(agentTimeline(deps, me(req), idParam(req), req.query.day)),
  );
  r.post(
    '/api/supervisor/agents/:id/presence',
    signedIn,
    (req, res) => void res.json(setAgentPresence(deps, me(req), idParam(req), req.body)),
  );
  // Express 5 hands a rejected promise to the error handler.
  r.post('/api/supervisor/agents/:id/sign-out', signedIn, async (req, res) => {
    await signOutAgent(deps, me(req), idParam(req));
    res.status(204).end();
  });
  return r;
}
