import { Router } from 'express';
import type { Sessions } from '../auth/sessions';
import type { createContactsFromCalls } from '../notifications/contacts-from-calls';
import type { createContactTimeline } from '../notifications/contact-timeline';
import type { NotificationsService } from '../notifications/notifications-service';
import type { StaffRepo } from '../storage/staff-repo';
import { idParam } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

export type NotificationRouteDeps = {
  sessions: Sessions;
  staff: StaffRepo;
  notifications: NotificationsService;
  contactsFromCalls: ReturnType<typeof createContactsFromCalls>;
  timeline: ReturnType<typeof createContactTimeline>;
};

/** Unknown-caller notifications, the claim, contacts made from them, and contact timelines. */
export function notificationRoutes(deps: NotificationRouteDeps): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const me = (req: unknown) => (req as AuthedRequest).staff;

  r.get('/api/notifications', anyone, (req, res) => void res.json(deps.notifications.list(me(req))));
  r.get('/api/notifications/:id', anyone, (req, res) => void res.json(deps.notifications.get(me(req), idParam(req))));
  r.post(
    '/api/notifications/:id/claim',
    anyone,
    (req, res) => void res.json(deps.notifications.claim(me(req), idParam(req), req.body)),
  );
  r.post(
    '/api/notifications/:id/done',
    anyone,
    (req, res) => void res.json(deps.notifications.done(me(req), idParam(req))),
  );
  r.post(
    '/api/notifications/:id/read',
    anyone,
    (req, res) => void res.json(deps.notifications.read(me(req), idParam(req))),
  );
  r.post(
    '/api/notifications/:id/contact',
    anyone,
    (req, res) => void res.status(201).json(deps.contactsFromCalls.create(me(req), idParam(req), req.body)),
  );
  r.post(
    '/api/notifications/:id/associate',
    anyone,
    (req, res) => void res.json(deps.contactsFromCalls.associate(me(req), idParam(req), req.body)),
  );

  r.get('/api/contact-search', anyone, (req, res) => void res.json(deps.timeline.search(me(req), req.query)));
  r.get('/api/contacts/:id/timeline', anyone, (req, res) => void res.json(deps.timeline.list(me(req), idParam(req))));
  r.post(
    '/api/contacts/:id/notes',
    anyone,
    (req, res) => void res.status(201).json(deps.timeline.addNote(me(req), idParam(req), req.body)),
  );
  return r;
}
