import { spokenReason } from '../../common/spoken-reason';
import type { RouteDecision } from '../../common/domain/route-decision';
import { decideRoute } from './decide-route';
import {
  alternative,
  binding,
  companyNumber,
  contact,
  mainNumber,
  presence,
  routeInput,
  standardNumber,
  staffDest,
} from './route-test-kit';

const NOW = new Date('2025-06-04T10:00:00Z').getTime();
const DAY = 86_400_000;
const group = (pattern: string, ...staffIds: string[]) => ({ kind: 'group', pattern, staffIds });
const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
const staffReasons = (d: RouteDecision) =>
  d.steps.flatMap((s) => s.targets.flatMap((t) => (t.kind === 'staff' ? [t.reason] : [])));
const sticky = { enabled: true, bindingDays: 30, fallbackToDestinations: true };

/** Every kind of reason the engine gives an agent, from the engine itself. */
const decisions: [string, RouteDecision][] = [
  ['one destination', decideRoute(routeInput(standardNumber(alternative(staffDest('ana')))))],
  ['alternatives', decideRoute(routeInput(standardNumber(alternative(staffDest('ana'), staffDest('ben')))))],
  ['group together', decideRoute(routeInput(standardNumber(alternative(group('simultaneous', 'ana', 'ben')))))],
  ['group in order', decideRoute(routeInput(standardNumber(alternative(group('sequential', 'ana', 'ben')))))],
  ['round robin', decideRoute(routeInput(standardNumber(alternative(group('round-robin', 'ana', 'ben')))))],
  ['least connected', decideRoute(routeInput(standardNumber(alternative(group('least-connected', 'ana', 'ben')))))],
  [
    'percentage, picked and next by weight',
    decideRoute(
      routeInput(
        standardNumber({
          rule: {
            kind: 'percentage',
            destinations: [
              { destination: staffDest('ana'), weight: 70 },
              { destination: staffDest('ben'), weight: 30 },
            ],
          },
        }),
        { presence: presence({ ana: 'away' }) },
      ),
    ),
  ],
  [
    'percentage, picked',
    decideRoute(
      routeInput(
        standardNumber({
          rule: { kind: 'percentage', destinations: [{ destination: staffDest('ana'), weight: 100 }] },
        }),
      ),
    ),
  ],
  [
    'named time window',
    decideRoute(
      routeInput(
        standardNumber({
          rule: {
            kind: 'time',
            windows: [{ ...weekdays, name: 'Office', destination: staffDest('ana') }],
            fallback: { destination: staffDest('ben') },
          },
        }),
      ),
    ),
  ],
  [
    'unnamed time window',
    decideRoute(
      routeInput(
        standardNumber({
          rule: {
            kind: 'time',
            windows: [{ ...weekdays, destination: staffDest('ana') }],
            fallback: { destination: staffDest('ben') },
          },
        }),
      ),
    ),
  ],
  [
    'outside the time windows',
    decideRoute(
      routeInput(
        standardNumber({
          rule: {
            kind: 'time',
            windows: [{ ...weekdays, start: '18:00', end: '19:00', destination: staffDest('ana') }],
            fallback: { destination: staffDest('ben') },
          },
        }),
      ),
    ),
  ],
  [
    'sticky',
    decideRoute(
      routeInput(standardNumber({ ...alternative(staffDest('ana')), sticky }), {
        bindings: [binding('sticky', 'ben', NOW - 3 * DAY, 30)],
      }),
    ),
  ],
  [
    'engagement',
    decideRoute(
      routeInput(standardNumber({ ...alternative(staffDest('ana')), engagement: sticky }), {
        bindings: [binding('engagement', 'ben', NOW - DAY, 30)],
      }),
    ),
  ],
  [
    'known contact',
    decideRoute(
      routeInput(
        companyNumber({ defaultRule: { kind: 'user', staffId: 'ana' } }),
        {},
        { contacts: [contact('c1', 'ben', 1)] },
      ),
    ),
  ],
  [
    'unknown caller, blast',
    decideRoute(routeInput(companyNumber({ defaultRule: { kind: 'blast', staffIds: ['ana', 'ben'] } }))),
  ],
  [
    'unknown caller, custom rule',
    decideRoute(
      routeInput(
        companyNumber({
          defaultRule: { kind: 'blast', staffIds: ['ana'] },
          customRules: [{ name: 'Daytime', activeHours: weekdays, route: { kind: 'user', staffId: 'ben' } }],
        }),
      ),
    ),
  ],
  [
    'main number hunt group and reception',
    decideRoute(
      routeInput(
        mainNumber({
          state: 'active',
          inHours: {
            huntGroup: { staffIds: ['ana'] },
            then: { kind: 'main-reception', staffId: 'ben', greeting: 'Say hello' },
          },
          outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'end' } },
        }),
      ),
    ),
  ],
];

test.each(decisions)('%s: every reason the engine gives an agent has words for the ringing card', (_case, decision) => {
  const reasons = staffReasons(decision);
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) {
    const spoken = spokenReason(reason, 'Sales line');
    expect(spoken, reason).toMatch(/^(You|Your|It's|A new caller|Calls to)/);
  }
});

test.each([
  ['destination of the number', 'Calls to Sales line come to you'],
  ['alternative routing, destination 1 of 2', "You're first in line for Sales line"],
  ['alternative routing, destination 1 of 2, round robin', "You're next on the Sales line rota"],
  ['sticky: last spoke to the caller yesterday', 'You spoke to this caller yesterday'],
  ['primary agent of contact Jane Roe (newest of 2 contacts with this number)', "You're the agent for Jane Roe"],
  ['percentage routing (30% share)', "It's your turn on Sales line (you take 30% of its calls)"],
  ['something the engine says one day', 'Something the engine says one day'],
])('%s → %s', (reason, spoken) => expect(spokenReason(reason, 'Sales line')).toBe(spoken));
