import type { Role } from '../auth';
import { mayActOn, watchesBoard } from './supervision';

const who = (id: string, role: Role, orgId = 'acme') => ({ id, role, orgId });

test.each([
  { why: 'a supervisor acts on an agent', actor: who('s', 'supervisor'), target: who('a', 'agent'), verdict: 'yes' },
  { why: 'an admin acts on an agent', actor: who('ad', 'admin'), target: who('a', 'agent'), verdict: 'yes' },
  { why: 'an admin acts on a supervisor', actor: who('ad', 'admin'), target: who('s', 'supervisor'), verdict: 'yes' },
  { why: 'an agent acts on nobody', actor: who('a', 'agent'), target: who('b', 'agent'), verdict: 'not-a-supervisor' },
  {
    why: 'an agent not even on themselves',
    actor: who('a', 'agent'),
    target: who('a', 'agent'),
    verdict: 'not-a-supervisor',
  },
  {
    why: 'a supervisor on another supervisor',
    actor: who('s', 'supervisor'),
    target: who('t', 'supervisor'),
    verdict: 'not-below',
  },
  { why: 'a supervisor on an admin', actor: who('s', 'supervisor'), target: who('ad', 'admin'), verdict: 'not-below' },
  { why: 'an admin on another admin', actor: who('ad', 'admin'), target: who('ae', 'admin'), verdict: 'not-below' },
  {
    why: 'a supervisor on themselves',
    actor: who('s', 'supervisor'),
    target: who('s', 'supervisor'),
    verdict: 'not-below',
  },
  {
    why: "a supervisor on another organisation's agent",
    actor: who('s', 'supervisor'),
    target: who('a', 'agent', 'globex'),
    verdict: 'other-organisation',
  },
  {
    why: "an admin on another organisation's agent",
    actor: who('ad', 'admin'),
    target: who('a', 'agent', 'globex'),
    verdict: 'other-organisation',
  },
] as const)('$why: $verdict', ({ actor, target, verdict }) => {
  expect(mayActOn(actor, target)).toBe(verdict);
});

test('supervisors and admins watch the board, agents do not', () => {
  expect((['agent', 'supervisor', 'admin'] as const).map(watchesBoard)).toEqual([false, true, true]);
});
