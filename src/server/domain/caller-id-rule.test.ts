import { alternative, companyNumber, mainNumber, standardNumber, staffDest } from '../routing/route-test-kit';
import { allowedCallerIds, checkCallerId, mayPresentCallerId } from './caller-id-rule';

const withCallerIds = (callerIds: Record<string, unknown>) =>
  standardNumber({
    ...alternative(staffDest('ana'), { kind: 'group', pattern: 'sequential', staffIds: ['ben'] }),
    callerIds,
  });

test.each([
  {
    rule: 'nobody allowed',
    number: withCallerIds({ destinationStaff: false, staffIds: [], allStaff: false }),
    staffId: 'ana',
    allowed: false,
  },
  {
    rule: 'destination staff toggle: a staff destination may',
    number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }),
    staffId: 'ana',
    allowed: true,
  },
  {
    rule: 'destination staff toggle: a group member may',
    number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }),
    staffId: 'ben',
    allowed: true,
  },
  {
    rule: 'destination staff toggle: others may not',
    number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }),
    staffId: 'cy',
    allowed: false,
  },
  {
    rule: 'explicitly listed staff may',
    number: withCallerIds({ destinationStaff: false, staffIds: ['cy'], allStaff: false }),
    staffId: 'cy',
    allowed: true,
  },
  {
    rule: 'destination toggle off: destinations may not',
    number: withCallerIds({ destinationStaff: false, staffIds: ['cy'], allStaff: false }),
    staffId: 'ana',
    allowed: false,
  },
  {
    rule: 'All Staff',
    number: withCallerIds({ destinationStaff: false, staffIds: [], allStaff: true }),
    staffId: 'gus',
    allowed: true,
  },
  {
    rule: 'company number: anyone in the organisation',
    number: companyNumber({ defaultRule: { kind: 'user', staffId: 'ana' } }),
    staffId: 'gus',
    allowed: true,
  },
  {
    rule: 'main number: never an outbound caller ID',
    number: mainNumber({
      state: 'active',
      inHours: { huntGroup: { staffIds: ['ana'] }, then: { kind: 'end' } },
      outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'end' } },
    }),
    staffId: 'ana',
    allowed: false,
  },
])('$rule', ({ number, staffId, allowed }) => {
  expect(mayPresentCallerId(number, staffId)).toBe(allowed);
});

describe('checkCallerId: the hook, the picker and the dry run ask this', () => {
  const now = Date.UTC(2026, 0, 1);
  const sales = {
    ...withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }),
    id: 'sales',
    number: '+442071234567',
    type: 'local' as const,
  };
  const listed = {
    ...withCallerIds({ destinationStaff: false, staffIds: ['cy'], allStaff: false }),
    id: 'listed',
    number: '+442071234568',
  };
  const expired = {
    ...withCallerIds({ destinationStaff: false, staffIds: [], allStaff: true }),
    id: 'old',
    number: '+442071234570',
    expiresAt: now - 1,
  };
  const main = {
    ...mainNumber({
      state: 'active',
      inHours: { huntGroup: { staffIds: ['ana'] }, then: { kind: 'end' } },
      outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'end' } },
    }),
    id: 'main',
    number: '+442079460001',
  };
  const numbers = [sales, listed, expired, main];
  const check = (staffId: string, requested: string, engagement = false) =>
    checkCallerId({ numbers, staffId, requested, engagement, now });

  test.each([
    { why: 'allowed by the destination toggle', staffId: 'ana', requested: '+442071234567', result: 'sales' },
    { why: 'not E.164', staffId: 'ana', requested: '02071234567', result: 'not-e164' },
    { why: 'garbage', staffId: 'ana', requested: '+44<script>', result: 'not-e164' },
    { why: 'not a number of the organisation', staffId: 'ana', requested: '+442071239999', result: 'not-ours' },
    { why: 'not on the allowlist', staffId: 'ana', requested: '+442071234568', result: 'not-allowed' },
    { why: 'a main number', staffId: 'ana', requested: '+442079460001', result: 'main-number' },
    { why: 'an expired number, even for All Staff', staffId: 'ana', requested: '+442071234570', result: 'expired' },
    { why: 'no header: the first allowed number', staffId: 'cy', requested: '', result: 'listed' },
    { why: 'no header and nothing allowed', staffId: 'zed', requested: '', result: 'none-allowed' },
  ])('$why', ({ staffId, requested, result }) => {
    const verdict = check(staffId, requested);
    expect(verdict.ok ? verdict.number.id : verdict.refusal).toBe(result);
  });

  test('the refusal names the number in words', () => {
    const verdict = check('ana', '+442071234568');
    expect(verdict.ok ? '' : verdict.message).toBe('You may not present +44 20 7123 4568 as your caller ID');
  });

  test('engagement needs a local number with engagement on', () => {
    const on = {
      ...sales,
      routing: { ...sales.routing, engagement: { enabled: true, bindingDays: 5, fallbackToDestinations: true } },
    };
    expect(checkCallerId({ numbers: [on], staffId: 'ana', requested: '+442071234567', engagement: true, now }).ok).toBe(
      true,
    );
    const verdict = check('ana', '+442071234567', true);
    expect(verdict.ok ? '' : verdict.refusal).toBe('no-engagement');
  });

  test('the picker lists exactly the allowed, unexpired numbers', () => {
    expect(allowedCallerIds(numbers, 'ana', now).map((n) => n.id)).toEqual(['sales']);
    expect(allowedCallerIds(numbers, 'cy', now).map((n) => n.id)).toEqual(['listed']);
    expect(allowedCallerIds(numbers, 'zed', now)).toEqual([]);
  });
});
