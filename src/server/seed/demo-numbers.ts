/**
 * The demo organisation's numbers, written as an admin would enter them (the shared schemas parse them at
 * seeding). Between them they show every routing kind: alternative, percentage and time routing, all four
 * group dial patterns, an external destination with a dial extension and delay, voicemail, sticky and
 * engagement bindings with fallback on and off, a toll-free number, the company number and the main number.
 */
const expiresAt = Date.UTC(2030, 11, 31);
const staff = (staffId: string) => ({ kind: 'staff', staffId });
const group = (pattern: string, ...staffIds: string[]) => ({ kind: 'group', pattern, staffIds });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

export const demoNumbers: Record<string, unknown>[] = [
  {
    id: 'num-sales',
    number: '+442071234567',
    displayName: 'Sales line',
    type: 'local',
    kind: 'standard',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt,
    routing: {
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staff('staff-alice'), ringTimeoutSeconds: 20 },
          { destination: group('round-robin', 'staff-bob', 'staff-carol'), ringTimeoutSeconds: 20 },
          {
            destination: { kind: 'external', number: '+442079460123', dialExtension: '204', dialDelaySeconds: 3 },
            ringTimeoutSeconds: 30,
          },
        ],
      },
      noAnswer: { failSafeNumber: '+442079460999' },
      sticky: { enabled: true, bindingDays: 7, fallbackToDestinations: true },
      engagement: { enabled: true, bindingDays: 14, fallbackToDestinations: false },
      callerIds: { destinationStaff: true, staffIds: ['staff-super'], allStaff: false },
    },
  },
  {
    id: 'num-support',
    number: '+18005550100',
    displayName: 'Support (toll-free)',
    type: 'toll-free',
    kind: 'standard',
    country: 'US',
    city: '',
    timeZone: 'America/New_York',
    expiresAt,
    routing: {
      rule: {
        kind: 'percentage',
        destinations: [
          { destination: group('simultaneous', 'staff-alice', 'staff-bob'), weight: 60, ringTimeoutSeconds: 25 },
          { destination: group('least-connected', 'staff-carol', 'staff-dave'), weight: 40, ringTimeoutSeconds: 25 },
        ],
      },
      sticky: { enabled: true, bindingDays: 30, fallbackToDestinations: false },
      callerIds: { destinationStaff: false, staffIds: [], allStaff: true },
    },
  },
  {
    id: 'num-hours',
    number: '+442071234568',
    displayName: 'Lettings (office hours)',
    type: 'local',
    kind: 'standard',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt,
    routing: {
      rule: {
        kind: 'time',
        windows: [
          {
            name: 'Office hours',
            days: weekdays,
            start: '09:00',
            end: '17:30',
            destination: group('sequential', 'staff-alice', 'staff-bob', 'staff-carol', 'staff-dave'),
            ringTimeoutSeconds: 15,
          },
          {
            name: 'Saturday',
            days: ['sat'],
            start: '10:00',
            end: '14:00',
            destination: staff('staff-dave'),
            ringTimeoutSeconds: 30,
          },
        ],
        fallback: { destination: { kind: 'external', number: '+442079460999' }, ringTimeoutSeconds: 40 },
      },
      callerIds: { destinationStaff: true, staffIds: [], allStaff: false },
    },
  },
  {
    id: 'num-bookings',
    number: '+442071234569',
    displayName: 'Viewings & bookings',
    type: 'local',
    kind: 'standard',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt,
    routing: {
      rule: { kind: 'alternative', destinations: [{ destination: staff('staff-carol'), ringTimeoutSeconds: 25 }] },
      voicemail: { enabled: true, greeting: 'bookings-greeting', autoDelete: 'two-weeks' },
      engagement: { enabled: true, bindingDays: 10, fallbackToDestinations: true },
      callerIds: { destinationStaff: true, staffIds: [], allStaff: false },
    },
  },
  {
    id: 'num-company',
    number: '+442079460000',
    displayName: 'Acme company number',
    type: 'local',
    kind: 'company',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt,
    company: {
      source: 'Company line',
      tag: 'company-number',
      defaultRule: { kind: 'user', staffId: 'staff-alice', ringTimeoutSeconds: 30 },
      customRules: [
        {
          name: 'Weekday blast',
          activeHours: { days: weekdays, start: '09:00', end: '17:00' },
          route: { kind: 'blast', staffIds: ['staff-alice', 'staff-bob', 'staff-carol'], ringTimeoutSeconds: 25 },
        },
        {
          name: 'Evening bridge',
          activeHours: { days: weekdays, start: '17:00', end: '21:00' },
          route: { kind: 'number', number: '+442079460999', ringTimeoutSeconds: 40 },
        },
        {
          name: 'Weekend cover',
          activeHours: { days: ['sat', 'sun'], start: '10:00', end: '16:00' },
          route: { kind: 'user', staffId: 'staff-dave', ringTimeoutSeconds: 30 },
        },
      ],
    },
  },
  {
    id: 'num-main',
    number: '+442079460001',
    displayName: 'Acme main number',
    type: 'local',
    kind: 'main',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt,
    main: {
      state: 'active',
      inHours: {
        huntGroup: { staffIds: ['staff-alice', 'staff-bob', 'staff-carol'], ringSeconds: 20 },
        then: {
          kind: 'main-reception',
          staffId: 'staff-super',
          greeting: 'Acme Sales reception: take a name and number, promise a call back today.',
          ringSeconds: 30,
        },
      },
      outOfHours: { huntGroup: { staffIds: ['staff-dave'], ringSeconds: 15 }, then: { kind: 'voicemail' } },
    },
  },
];

/** Opening hours of the demo organisation (the main number's in-hours branch). */
export const demoBusinessHours = {
  timeZone: 'Europe/London',
  windows: [{ days: weekdays, start: '09:00', end: '17:30' }],
};

/** The demo organisation's greeting recordings (spoken by espeak-ng); Viewings & bookings plays the first. */
export const demoGreetings = [
  {
    id: 'bookings-greeting',
    name: 'Bookings greeting',
    text: 'Thank you for calling Acme viewings and bookings. We cannot take your call right now. Please leave your name, number and the property you are interested in after the tone.',
  },
];
