import { decideRoute } from './decide-route';
import { alternative, plan, presence, reasons, routeInput, standardNumber, staffDest } from './route-test-kit';

const voicemailOn = { enabled: true, greeting: 'Sales greeting', autoDelete: 'weekly' };
const external = (number: string, extra: Record<string, unknown> = {}) => ({ kind: 'external', number, ...extra });
const group = (pattern: string, ...staffIds: string[]) => ({ kind: 'group', pattern, staffIds });

describe('standard number: alternative routing and no-answer handling', () => {
  test.each([
    {
      rule: 'one destination rings that agent; nothing else set → missed',
      routing: alternative(staffDest('ana')),
      away: {},
      expected: ['ana/20', '→ missed'],
    },
    {
      rule: 'destinations are tried in order',
      routing: alternative(staffDest('ana'), staffDest('ben'), staffDest('cy')),
      away: {},
      expected: ['ana/20', 'ben/20', 'cy/20', '→ missed'],
    },
    {
      rule: 'an offline agent is skipped',
      routing: alternative(staffDest('ana'), staffDest('ben')),
      away: { ana: 'offline' },
      expected: ['ben/20', '→ missed'],
    },
    {
      rule: 'a do-not-disturb agent is skipped',
      routing: alternative(staffDest('ana'), staffDest('ben')),
      away: { ana: 'dnd' },
      expected: ['ben/20', '→ missed'],
    },
    {
      rule: 'a busy (on-call) agent is skipped',
      routing: alternative(staffDest('ana'), staffDest('ben')),
      away: { ana: 'on-call' },
      expected: ['ben/20', '→ missed'],
    },
    {
      rule: 'agents ringing, wrapping up or away are skipped',
      routing: alternative(staffDest('ana'), staffDest('ben'), staffDest('cy'), staffDest('dee')),
      away: { ana: 'ringing', ben: 'wrap-up', cy: 'away' },
      expected: ['dee/20', '→ missed'],
    },
    {
      rule: 'a group with nobody available is skipped to the next destination',
      routing: alternative(group('sequential', 'ana', 'ben'), staffDest('cy')),
      away: { ana: 'away', ben: 'offline' },
      expected: ['cy/20', '→ missed'],
    },
    {
      rule: 'nobody available → straight to no-answer handling',
      routing: alternative(staffDest('ana')),
      away: { ana: 'offline' },
      expected: ['→ missed'],
    },
    {
      rule: 'voicemail on → voicemail when nobody answers',
      routing: { ...alternative(staffDest('ana')), voicemail: voicemailOn },
      away: {},
      expected: ['ana/20', '→ voicemail'],
    },
    {
      rule: 'voicemail off, fail-safe set → fail-safe number',
      routing: { ...alternative(staffDest('ana')), noAnswer: { failSafeNumber: '+1 212 555 0123' } },
      away: {},
      expected: ['ana/20', '→ +12125550123'],
    },
    {
      rule: 'voicemail wins over the fail-safe number',
      routing: {
        ...alternative(staffDest('ana')),
        voicemail: voicemailOn,
        noAnswer: { failSafeNumber: '+12125550123' },
      },
      away: {},
      expected: ['ana/20', '→ voicemail'],
    },
    {
      rule: 'the voicemail destination goes straight to voicemail',
      routing: { ...alternative({ kind: 'voicemail' }), voicemail: voicemailOn },
      away: {},
      expected: ['→ voicemail'],
    },
    {
      rule: 'a simultaneous group has no no-answer routing: later destinations are dropped',
      routing: alternative(group('simultaneous', 'ana', 'ben'), staffDest('cy')),
      away: {},
      expected: ['ana+ben/20', '→ missed'],
    },
    {
      rule: 'an unavailable simultaneous group still lets the next destination ring',
      routing: alternative(group('simultaneous', 'ana'), staffDest('cy')),
      away: { ana: 'dnd' },
      expected: ['cy/20', '→ missed'],
    },
    {
      rule: 'an external destination is always dialled',
      routing: alternative(staffDest('ana'), external('+44 20 7946 0000')),
      away: { ana: 'offline' },
      expected: ['+442079460000/20', '→ missed'],
    },
    {
      rule: 'staff who are not in the organisation are skipped',
      routing: alternative(staffDest('zed'), staffDest('ana')),
      away: {},
      expected: ['ana/20', '→ missed'],
    },
  ])('$rule', ({ routing, away, expected }) => {
    expect(plan(decideRoute(routeInput(standardNumber(routing), { presence: presence(away) })))).toEqual(expected);
  });

  test('ring timeouts are per destination', () => {
    const number = standardNumber({
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staffDest('ana'), ringTimeoutSeconds: 10 },
          { destination: staffDest('ben'), ringTimeoutSeconds: 45 },
        ],
      },
    });
    expect(plan(decideRoute(routeInput(number)))).toEqual(['ana/10', 'ben/45', '→ missed']);
  });

  test('an external destination keeps its dial extension and delay', () => {
    const number = standardNumber(
      alternative(external('+442079460000', { dialExtension: '204#', dialDelaySeconds: 3 })),
    );
    expect(decideRoute(routeInput(number)).steps[0]?.targets[0]).toEqual({
      kind: 'external',
      number: '+442079460000',
      dialExtension: '204#',
      dialDelaySeconds: 3,
      reason: 'destination of the number',
    });
  });

  test('the decision explains itself: reasons per target, skipped staff, a one-line summary', () => {
    const number = standardNumber({
      ...alternative(staffDest('ana'), staffDest('ben'), staffDest('cy')),
      voicemail: { enabled: false, greeting: null, autoDelete: 'weekly' },
    });
    const decision = decideRoute(routeInput(number, { presence: presence({ ana: 'dnd' }) }));
    expect(decision.kind).toBe('ring');
    expect(reasons(decision)).toEqual([
      'alternative routing, destination 2 of 3',
      'alternative routing, destination 3 of 3',
    ]);
    expect(decision.skipped).toEqual([{ staffId: 'ana', reason: 'Ana is on do-not-disturb' }]);
    expect(decision.summary).toBe(
      'Alternative routing. Rings Ben for 20s; then Cy for 20s. No answer: missed call. Skipped: Ana is on do-not-disturb.',
    );
  });

  test.each([
    { issues: ['no-microphone'], reason: 'Ana is not routable: no microphone' },
    {
      issues: ['registration-lost', 'heartbeat-late'],
      reason: 'Ana is not routable: registration lost at the SIP server, tab asleep or too slow',
    },
    { issues: [], reason: 'Ana is offline' },
  ] as const)('an agent offline for their health is skipped naming it: $reason', ({ issues, reason }) => {
    const number = standardNumber(alternative(staffDest('ana'), staffDest('ben')));
    const input = routeInput(number, { presence: presence({ ana: 'offline' }), health: { ana: issues } });
    const decision = decideRoute(input);
    expect(plan(decision)).toEqual(['ben/20', '→ missed']);
    expect(decision.skipped).toEqual([{ staffId: 'ana', reason }]);
    expect(decision.summary).toContain(`Skipped: ${reason}.`);
  });

  test('presence may be given as a Map', () => {
    const number = standardNumber(alternative(staffDest('ana'), staffDest('ben')));
    const states = new Map(Object.entries(presence({ ana: 'away' })));
    expect(plan(decideRoute(routeInput(number, { presence: states })))).toEqual(['ben/20', '→ missed']);
  });
});
