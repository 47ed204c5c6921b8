import { z } from 'zod';
import { api } from '../../app/api-client';
import { contactSchema } from '../../common/domain/contact';
import { notificationSchema } from '../../common/notifications';

const withContact = z.object({ notification: notificationSchema, contact: contactSchema });

export const notificationsApi = {
  claim: (id: string, action: 'claim' | 'call-back' | 'text-back') =>
    api(`/api/notifications/${encodeURIComponent(id)}/claim`, notificationSchema, { method: 'POST', body: { action } }),
  done: (id: string) =>
    api(`/api/notifications/${encodeURIComponent(id)}/done`, notificationSchema, { method: 'POST', body: {} }),
  read: (id: string) =>
    api(`/api/notifications/${encodeURIComponent(id)}/read`, notificationSchema, { method: 'POST', body: {} }),
  createContact: (id: string, body: { name: string; tags: string[] }) =>
    api(`/api/notifications/${encodeURIComponent(id)}/contact`, withContact, { method: 'POST', body }),
  associate: (id: string, contactId: string) =>
    api(`/api/notifications/${encodeURIComponent(id)}/associate`, withContact, { method: 'POST', body: { contactId } }),
  searchContacts: (q: string) => api(`/api/contact-search?q=${encodeURIComponent(q)}`, z.array(contactSchema)),
};
