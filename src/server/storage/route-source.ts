import type { Binding } from '../../common/domain/binding';
import type { Contact } from '../../common/domain/contact';
import type { RotationState } from '../../common/domain/route-decision';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { OrgRouting } from './route-data';

/**
 * What the inbound-call service and the dry run read and write of the organisation's routing data. Every read
 * is by key or index: none grows with the organisation's calls, contacts or bindings.
 */
export interface RouteSource {
  /** The virtual number with this E.164 number, in whichever organisation holds it. */
  findNumber(e164: string): { orgId: string; number: VirtualNumber } | undefined;
  /** The organisation's staff, contact item types and business hours. */
  org(orgId: string): OrgRouting;
  /** The organisation's contacts with the caller's number (none for null). */
  callerContacts(orgId: string, caller: string | null): Contact[];
  /** The caller's bindings on this number live at `at`. */
  bindings(orgId: string, numberId: string, caller: string, at: number): Binding[];
  rotation(numberId: string): RotationState | undefined;
  saveRotation(numberId: string, rotation: RotationState): void;
  /** Creates or slides the binding (kind, caller, number) to this agent. */
  saveBinding(orgId: string, binding: Binding): void;
}
