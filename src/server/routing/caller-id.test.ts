import { mayPresentCallerId } from './caller-id';
import { alternative, companyNumber, mainNumber, standardNumber, staffDest } from './route-test-kit';

const withCallerIds = (callerIds: Record<string, unknown>) =>
  standardNumber({ ...alternative(staffDest('ana'), { kind: 'group', pattern: 'sequential', staffIds: ['ben'] }), callerIds });

test.each([
  { rule: 'nobody allowed', number: withCallerIds({ destinationStaff: false, staffIds: [], allStaff: false }), staffId: 'ana', allowed: false },
  { rule: 'destination staff toggle: a staff destination may', number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }), staffId: 'ana', allowed: true },
  { rule: 'destination staff toggle: a group member may', number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }), staffId: 'ben', allowed: true },
  { rule: 'destination staff toggle: others may not', number: withCallerIds({ destinationStaff: true, staffIds: [], allStaff: false }), staffId: 'cy', allowed: false },
  { rule: 'explicitly listed staff may', number: withCallerIds({ destinationStaff: false, staffIds: ['cy'], allStaff: false }), staffId: 'cy', allowed: true },
  { rule: 'destination toggle off: destinations may not', number: withCallerIds({ destinationStaff: false, staffIds: ['cy'], allStaff: false }), staffId: 'ana', allowed: false },
  { rule: 'All Staff', number: withCallerIds({ destinationStaff: false, staffIds: [], allStaff: true }), staffId: 'gus', allowed: true },
  { rule: 'company number: anyone in the organisation', number: companyNumber({ defaultRule: { kind: 'user', staffId: 'ana' } }), staffId: 'gus', allowed: true },
  {
    rule: 'main number: never an outbound caller ID',
    number: mainNumber({ state: 'active', inHours: { huntGroup: { staffIds: ['ana'] }, then: { kind: 'end' } }, outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'end' } } }),
    staffId: 'ana',
    allowed: false,
  },
])('$rule', ({ number, staffId, allowed }) => {
  expect(mayPresentCallerId(number, staffId)).toBe(allowed);
});
