/** Builders for the routing engine's tests: a small organisation, numbers parsed by the real schemas, a compact plan notation. */
import type { PresenceState } from '../../common/presence';
import type { Binding } from '../../common/domain/binding';
import type { Contact } from '../../common/domain/contact';
import type { RouteDecision } from '../../common/domain/route-decision';
import {
  companyNumberSchema,
  mainNumberSchema,
  standardNumberSchema,
  virtualNumberSchema,
  type CompanyNumber,
  type MainNumber,
  type StandardNumber,
} from '../../common/domain/virtual-number';
import type { RouteInput } from './route-input';

export const staff = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'gus'].map((id) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  extension: null,
}));

export const CALLER = '+442079461001';

const basics = {
  id: 'vn-1',
  number: '+442079460958',
  displayName: 'Sales',
  type: 'local',
  country: 'GB',
  city: 'London',
  timeZone: 'Europe/London',
  expiresAt: Date.UTC(2030, 0, 1),
  updatedAt: Date.UTC(2025, 0, 1),
  updatedBy: 'Ana',
};

export function standardNumber(routing: Record<string, unknown>, extra: Record<string, unknown> = {}): StandardNumber {
  return standardNumberSchema.parse(virtualNumberSchema.parse({ ...basics, kind: 'standard', routing, ...extra }));
}

export function companyNumber(company: Record<string, unknown>): CompanyNumber {
  return companyNumberSchema.parse({
    ...basics,
    kind: 'company',
    company: { source: 'Website', tag: 'company-line', ...company },
  });
}

export function mainNumber(main: Record<string, unknown>): MainNumber {
  return mainNumberSchema.parse({ ...basics, kind: 'main', main });
}

export const staffDest = (staffId: string) => ({ kind: 'staff', staffId });
export const alternative = (...destinations: unknown[]) => ({
  rule: { kind: 'alternative', destinations: destinations.map((destination) => ({ destination })) },
});

/** Everyone available except the states given (written loosely so test tables stay short). */
export function presence(states: Partial<Record<string, string>> = {}): Record<string, PresenceState> {
  return Object.fromEntries(staff.map((member) => [member.id, (states[member.id] ?? 'available') as PresenceState]));
}

export function contact(id: string, primaryAgentId: string | null, createdAt: number, phone = CALLER): Contact {
  return {
    id,
    name: `Contact ${id}`,
    primaryPhone: phone,
    additionalPhones: [],
    primaryAgentId,
    source: null,
    tags: [],
    createdAt,
  };
}

export function binding(
  kind: Binding['kind'],
  staffId: string,
  lastInteractionAt: number,
  days: number,
  patch: Partial<Binding> = {},
): Binding {
  return {
    kind,
    caller: CALLER,
    numberId: 'vn-1',
    staffId,
    lastInteractionAt,
    expiresAt: lastInteractionAt + days * 86_400_000,
    ...patch,
  };
}

export function routeInput(
  number: RouteInput['number'],
  patch: Partial<RouteInput> = {},
  org: Partial<RouteInput['org']> = {},
): RouteInput {
  return {
    call: { numberDialled: number.number, caller: CALLER },
    number,
    org: {
      staff,
      contacts: [],
      itemTypes: [],
      businessHours: {
        timeZone: 'Europe/London',
        windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
      },
      ...org,
    },
    presence: presence(),
    bindings: [],
    now: new Date('2025-06-04T10:00:00Z'),
    ...patch,
  };
}

/**
 * The plan in one line per step: `ana` rings one target, `ana+ben` together, `ana>ben` one after the other;
 * the timeout follows `/`; the last entry is the no-answer outcome.
 */
export function plan(decision: RouteDecision): string[] {
  if (decision.kind === 'refuse') return [`refuse:${decision.refuseReason}`];
  const steps = decision.steps.map((step) => {
    const ids = step.targets.map((target) => (target.kind === 'staff' ? target.staffId : target.number));
    return `${ids.join(step.mode === 'simultaneous' ? '+' : '>')}/${step.ringTimeoutSeconds}`;
  });
  const outcome =
    decision.onNoAnswer.kind === 'external' ? `→ ${decision.onNoAnswer.number}` : `→ ${decision.onNoAnswer.kind}`;
  return [...steps, outcome];
}

export function reasons(decision: RouteDecision): string[] {
  return decision.steps.flatMap((step) => step.targets.map((target) => target.reason));
}
