import type { Binding } from '../../common/domain/binding';
import type { RotationState } from '../../common/domain/route-decision';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { RouteOrg } from '../routing/route-input';

/** What the inbound-call service reads and writes of the organisation's routing data (storage behind it). */
export interface RouteSource {
  /** The virtual number with this E.164 number, in whichever organisation holds it. */
  findNumber(e164: string): { orgId: string; number: VirtualNumber } | undefined;
  /** The organisation's routing data; of its contacts only those with the caller's number (none for null). */
  orgRouting(orgId: string, caller: string | null): Omit<RouteOrg, 'activeCompanyCalls'>;
  /** The organisation's bindings live at `at`. */
  bindings(orgId: string, at: number): Binding[];
  rotation(numberId: string): RotationState | undefined;
  saveRotation(numberId: string, rotation: RotationState): void;
  /** Creates or slides the binding (kind, caller, number) to this agent. */
  saveBinding(orgId: string, binding: Binding): void;
}
