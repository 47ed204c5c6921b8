import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { Binding } from '../../common/domain/binding';
import type { BusinessHours } from '../../common/domain/business-hours';
import type { Contact, ContactItemType } from '../../common/domain/contact';
import type { RotationState } from '../../common/domain/route-decision';
import type { StaffMember } from '../../common/domain/staff';
import type { VirtualNumber } from '../../common/domain/virtual-number';

/**
 * Per-staff values, as a Map, a plain object keyed by staff id, or a function that looks one up (read only for
 * the staff the decision looks at).
 */
export type StaffLookup<T> =
  ReadonlyMap<string, T> | Readonly<Record<string, T>> | ((staffId: string) => T | undefined);

export interface RouteCall {
  /** The number the caller dialled (E.164). */
  numberDialled: string;
  /** The caller's number (E.164 when known). */
  caller: string;
  callId?: string;
}

export interface RouteOrg {
  staff: StaffMember[];
  contacts: Contact[];
  itemTypes: ContactItemType[];
  businessHours: BusinessHours;
  /** Inbound calls in progress on the dialled company number, not counting this one. */
  activeCompanyCalls?: number;
}

/** Everything the engine looks at; it reads no clock and does no I/O. */
export interface RouteInput {
  call: RouteCall;
  number: VirtualNumber;
  org: RouteOrg;
  /** Presence per staff id; staff missing from it count as offline. */
  presence: StaffLookup<PresenceState>;
  /** What keeps an agent with an open tab from taking a call (presence-health.ts); missing = none. */
  health?: StaffLookup<readonly HealthIssue[]>;
  /**
   * Calls each agent was connected to (answered) in the last 24 hours, for least-connected groups; missing = 0.
   * (Agents on a call are not available, so calls in progress cannot tell available members apart.)
   */
  connectedCalls?: StaffLookup<number>;
  /** Bindings (of the caller on this number, or more); the engine picks the live one that applies. */
  bindings: Binding[];
  now: Date;
  /** Where round robin and percentage routing resume for this number; absent = start afresh. */
  rotation?: RotationState;
}

export function lookup<T>(values: StaffLookup<T> | undefined, staffId: string): T | undefined {
  if (!values) return undefined;
  if (typeof values === 'function') return values(staffId);
  if (values instanceof Map) return values.get(staffId);
  return Object.prototype.hasOwnProperty.call(values, staffId) ? (values as Record<string, T>)[staffId] : undefined;
}
