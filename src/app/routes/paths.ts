/** The URL of each screen: one home, so links, redirects and tests never spell a path by hand. */
export const paths = {
  keypad: '/',
  contacts: '/contacts',
  contact: (id: string) => `/contacts/${encodeURIComponent(id)}`,
  calls: '/calls',
  voicemail: '/voicemail',
  unknownCallers: '/unknown-callers',
  team: '/team',
  teamUnknownCallers: '/team/unknown-callers',
  whoWouldRing: '/team/who-would-ring',
  admin: '/admin',
  adminSection: (section: AdminSection) => `/admin/${section}`,
  adminNumber: (id: string) => `/admin/numbers/${encodeURIComponent(id)}`,
} as const;

/** The admin console's sections, in the order its navigation lists them. */
export const adminSections = [
  { id: 'numbers', label: 'Numbers' },
  { id: 'company', label: 'Company number' },
  { id: 'main', label: 'Main number' },
  { id: 'greetings', label: 'Greetings' },
  { id: 'staff', label: 'Staff' },
  { id: 'presence', label: 'Presence' },
  { id: 'contacts', label: 'Contacts' },
] as const;
export type AdminSection = (typeof adminSections)[number]['id'];
