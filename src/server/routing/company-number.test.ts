import type { Contact } from '../../common/domain/contact';
import { decideRoute } from './decide-route';
import { companyNumber, contact, plan, presence, reasons, routeInput } from './route-test-kit';

const WEDNESDAY = new Date('2025-06-04T10:00:00Z');
const SATURDAY = new Date('2025-06-07T10:00:00Z');
const SUNDAY_LATE_UTC = new Date('2025-06-08T23:30:00Z'); // Mon 00:30 in London

const number = companyNumber({
  defaultRule: { kind: 'user', staffId: 'fay' },
  customRules: [
    {
      name: 'Weekend',
      activeHours: { days: ['sat', 'sun'], start: '00:00', end: '23:59' },
      route: { kind: 'blast', staffIds: ['ana', 'ben', 'cy', 'dee', 'eve'] },
    },
    {
      name: 'Night desk',
      activeHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '00:00', end: '06:00' },
      route: { kind: 'number', number: '+1 212 555 0123' },
    },
  ],
});

describe('company number, existing contacts', () => {
  test.each<{ rule: string; contacts: Contact[]; away?: Record<string, string>; expected: string[]; logged: string[] }>(
    [
      {
        rule: 'a contact rings their primary agent',
        contacts: [contact('c1', 'ben', 1)],
        expected: ['ben/30', '→ missed'],
        logged: ['c1'],
      },
      {
        rule: 'several contacts, same primary agent → that agent, logged on every contact',
        contacts: [contact('c1', 'ben', 1), contact('c2', 'ben', 5), contact('other', 'cy', 9, '+442079469999')],
        expected: ['ben/30', '→ missed'],
        logged: ['c1', 'c2'],
      },
      {
        rule: 'several contacts, different primary agents → agent of the newest contact, logged only there',
        contacts: [contact('c1', 'ben', 1), contact('c2', 'cy', 5), contact('c3', 'dee', 3)],
        expected: ['cy/30', '→ missed'],
        logged: ['c2'],
      },
      {
        rule: 'matched on an additional phone',
        contacts: [{ ...contact('c1', 'dee', 1, '+442079469999'), additionalPhones: [{ number: '+442079461001' }] }],
        expected: ['dee/30', '→ missed'],
        logged: ['c1'],
      },
      {
        rule: 'primary agent unavailable → nobody rings, missed call on the contact',
        contacts: [contact('c1', 'ben', 1)],
        away: { ben: 'dnd' },
        expected: ['→ missed'],
        logged: ['c1'],
      },
      {
        rule: 'a contact without a primary agent routes as an unknown caller',
        contacts: [contact('c1', null, 1)],
        expected: ['fay/30', '→ missed'],
        logged: [],
      },
    ],
  )('$rule', ({ contacts, away = {}, expected, logged }) => {
    const decision = decideRoute(routeInput(number, { now: WEDNESDAY, presence: presence(away) }, { contacts }));
    expect(plan(decision)).toEqual(expected);
    expect(decision.logContactIds).toEqual(logged);
  });

  test('the reason names the contact', () => {
    const decision = decideRoute(
      routeInput(number, { now: WEDNESDAY }, { contacts: [{ ...contact('c1', 'ben', 1), name: 'Jane Roe' }] }),
    );
    expect(reasons(decision)).toEqual(['primary agent of contact Jane Roe']);
  });
});

describe('company number, unknown callers', () => {
  test.each([
    {
      rule: 'weekday, no custom rule active → default user rule',
      now: WEDNESDAY,
      away: {},
      expected: ['fay/30', '→ missed'],
      reason: 'unknown caller: default user rule',
      notify: ['fay'],
    },
    {
      rule: 'weekend → blast rule rings its agents at once',
      now: SATURDAY,
      away: {},
      expected: ['ana+ben+cy+dee+eve/30', '→ missed'],
      reason: "unknown caller: blast rule 'Weekend'",
      notify: ['ana', 'ben', 'cy', 'dee', 'eve'],
    },
    {
      rule: 'blast skips unavailable agents',
      now: SATURDAY,
      away: { ben: 'on-call', dee: 'offline' },
      expected: ['ana+cy+eve/30', '→ missed'],
      reason: "unknown caller: blast rule 'Weekend'",
      notify: ['ana', 'ben', 'cy', 'dee', 'eve'],
    },
    {
      rule: 'blast with nobody available → missed, unclaimed for all rule agents',
      now: SATURDAY,
      away: { ana: 'away', ben: 'away', cy: 'away', dee: 'away', eve: 'away' },
      expected: ['→ missed'],
      reason: undefined,
      notify: ['ana', 'ben', 'cy', 'dee', 'eve'],
    },
    {
      rule: 'active hours read in the number’s time zone (Sun 23:30 UTC is Mon 00:30 in London)',
      now: SUNDAY_LATE_UTC,
      away: {},
      expected: ['+12125550123/30', '→ missed'],
      reason: "unknown caller: number rule 'Night desk'",
      notify: [],
    },
    {
      rule: 'default user rule agent unavailable → missed',
      now: WEDNESDAY,
      away: { fay: 'away' },
      expected: ['→ missed'],
      reason: undefined,
      notify: ['fay'],
    },
  ])('$rule', ({ now, away, expected, reason, notify }) => {
    const decision = decideRoute(routeInput(number, { now, presence: presence(away) }));
    expect(plan(decision)).toEqual(expected);
    expect(reasons(decision)[0]).toBe(reason);
    expect(decision.notifyStaffIds).toEqual(notify);
    expect(decision.onNoAnswer.reason).toBe(
      'nobody answered: unclaimed notification (source Website, tag company-line)',
    );
  });
});

test.each([
  { active: 0, expected: ['fay/30', '→ missed'] },
  { active: 49, expected: ['fay/30', '→ missed'] },
  { active: 50, expected: ['refuse:busy'] },
  { active: 73, expected: ['refuse:busy'] },
])('with $active calls already in progress: $expected', ({ active, expected }) => {
  const decision = decideRoute(routeInput(number, { now: WEDNESDAY }, { activeCompanyCalls: active }));
  expect(plan(decision)).toEqual(expected);
  if (decision.kind === 'refuse')
    expect(decision.summary).toBe(`Refused: busy: ${active} calls already on the company number (limit 50).`);
});
