const DAY = 86_400_000;

export const demoItemTypes = [
  { id: 'itemtype-mobile', name: 'Mobile', orderBy: 0 },
  { id: 'itemtype-office', name: 'Office', orderBy: 1 },
  { id: 'itemtype-holiday', name: 'Holiday Home', orderBy: 2 },
];

/**
 * Contacts, with `ageDays` saying how long ago each was created. Two contacts share +447911123457 with the
 * same primary agent (both timelines log the call); two share +447911123458 with different agents (the newer
 * one's agent, Dave, is rung). One has no primary agent.
 */
export const demoContacts = [
  {
    id: 'contact-priya',
    name: 'Priya Shah',
    primaryPhone: '+447911123456',
    additionalPhones: [
      { number: '+442079460500', itemTypeId: 'itemtype-office', description: 'Reception, ask for Priya' },
      { number: '+34912345678', itemTypeId: 'itemtype-holiday', description: 'Madrid flat' },
      { number: '+442079460501' },
    ],
    primaryAgentId: 'staff-alice',
    source: 'Website',
    tags: ['buyer', 'mortgage-ready'],
    ageDays: 40,
  },
  {
    id: 'contact-tom',
    name: 'Tom Baker',
    primaryPhone: '+447911123457',
    additionalPhones: [],
    primaryAgentId: 'staff-bob',
    source: 'Referral',
    tags: ['landlord'],
    ageDays: 30,
  },
  {
    id: 'contact-tom-office',
    name: 'Baker Lettings Ltd',
    primaryPhone: '+442079460502',
    additionalPhones: [{ number: '+447911123457', itemTypeId: 'itemtype-mobile', description: "Tom's mobile" }],
    primaryAgentId: 'staff-bob',
    source: 'Referral',
    tags: ['landlord', 'company'],
    ageDays: 20,
  },
  {
    id: 'contact-lena',
    name: 'Lena Ortiz',
    primaryPhone: '+447911123458',
    additionalPhones: [],
    primaryAgentId: 'staff-carol',
    source: 'Rightmove',
    tags: ['tenant'],
    ageDays: 25,
  },
  {
    id: 'contact-ortiz',
    name: 'Ortiz Holdings',
    primaryPhone: '+447911123458',
    additionalPhones: [],
    primaryAgentId: 'staff-dave',
    source: 'Company line',
    tags: ['company-number', 'vendor'],
    ageDays: 5,
  },
  {
    id: 'contact-unassigned',
    name: 'Sam Walk-in',
    primaryPhone: '+447911123459',
    additionalPhones: [],
    primaryAgentId: null,
    source: 'Walk-in',
    tags: [],
    ageDays: 2,
  },
].map(({ ageDays, ...c }) => ({ ...c, ageMs: ageDays * DAY }));

/** A caller bound to Bob on the sales line (sticky), and one Carol called in engagement mode on bookings. */
export const demoBindings = [
  {
    kind: 'sticky' as const,
    numberId: 'num-sales',
    caller: '+447400123456',
    staffId: 'staff-bob',
    lastInteractionAgoDays: 2,
    days: 7,
  },
  {
    kind: 'engagement' as const,
    numberId: 'num-bookings',
    caller: '+447400123457',
    staffId: 'staff-carol',
    lastInteractionAgoDays: 1,
    days: 10,
  },
];
