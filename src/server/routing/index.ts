export { decideRoute } from './decide-route';
export { mayPresentCallerId, destinationStaffIds } from './caller-id';
export type { RouteCall, RouteInput, RouteOrg, StaffLookup } from './route-input';
export type { NoAnswerOutcome, RingStep, RingTarget, RotationState, RouteDecision } from '../../common/domain/route-decision';
