import { Router } from 'express';
import { importContacts } from '../domain/contact-import';
import {
  createContact,
  createItemType,
  deleteContact,
  deleteItemType,
  getContact,
  listContactChanges,
  listContacts,
  listItemTypes,
  searchContacts,
  updateContact,
  updateItemType,
} from '../domain/contacts';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

/** Every staff member keeps contacts; admins import them and manage the item types. */
export function contactsRoutes(deps: RouteDeps): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const admin = requireStaff(deps, ['admin']);
  const me = (req: unknown) => (req as AuthedRequest).staff;

  r.get('/api/contacts', anyone, (req, res) => void res.json(listContacts(deps, me(req), req.query)));
  r.get('/api/contacts/search', anyone, (req, res) => void res.json(searchContacts(deps, me(req), req.query)));
  r.post(
    '/api/contacts/import',
    admin,
    async (req, res) => void res.json(await importContacts(deps, me(req), req.body)),
  );
  r.get(
    '/api/contacts/:id/changes',
    anyone,
    (req, res) => void res.json(listContactChanges(deps, me(req), idParam(req))),
  );
  r.get('/api/contacts/:id', anyone, (req, res) => void res.json(getContact(deps, me(req), idParam(req))));
  r.post('/api/contacts', anyone, (req, res) => void res.status(201).json(createContact(deps, me(req), req.body)));
  r.put('/api/contacts/:id', anyone, (req, res) => void res.json(updateContact(deps, me(req), idParam(req), req.body)));
  r.delete('/api/contacts/:id', anyone, (req, res) => {
    deleteContact(deps, me(req), idParam(req));
    res.status(204).end();
  });

  r.get('/api/contact-item-types', anyone, (req, res) => void res.json(listItemTypes(deps, me(req))));
  r.post(
    '/api/contact-item-types',
    admin,
    (req, res) => void res.status(201).json(createItemType(deps, me(req), req.body)),
  );
  r.put(
    '/api/contact-item-types/:id',
    admin,
    (req, res) => void res.json(updateItemType(deps, me(req), idParam(req), req.body)),
  );
  r.delete('/api/contact-item-types/:id', admin, (req, res) => {
    deleteItemType(deps, me(req), idParam(req));
    res.status(204).end();
  });
  return r;
}
