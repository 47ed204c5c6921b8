export { decideRoute } from './decide-route';
export type { RouteCall, RouteInput, RouteOrg, StaffLookup } from './route-input';
export type { NoAnswerOutcome, RingStep, RingTarget, RotationState, RouteDecision } from '../../common/domain/route-decision';
