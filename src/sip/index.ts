// The phone's public surface. Nothing outside src/sip imports sip.js.
export { createPhone, type Phone, type PhoneDeps } from './phone';
export { CALLER_ID_HEADER, ENGAGEMENT_HEADER, type CallOptions } from './call-control';
export {
  createPhoneStore,
  initialPhoneState,
  selectActiveCall,
  selectCall,
  selectCalls,
  selectDevices,
  selectEndedCalls,
  selectHeldCalls,
  selectIncomingCalls,
  selectLiveCalls,
  selectPhoneStatus,
  selectRegistration,
  type AudioDevice,
  type CallDirection,
  type CallSnapshot,
  type CallStatus,
  type Devices,
  type PhoneState,
  type PhoneStore,
  type PhoneStoreState,
  type Registration,
  type RegistrationStatus,
} from './phone-store';
export { describeEndCause, endCauses, type EndCause } from './end-causes';
export type { UserAgentLike } from './sip-types';
