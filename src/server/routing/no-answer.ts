import type { NoAnswerOutcome } from '../../common/domain/route-decision';
import type { RoutingSettings } from '../../common/domain/routing-settings';

/** When everything fails: voicemail if on, else the fail-safe number if set, else a missed call. */
export function noAnswerOutcome(routing: RoutingSettings, reachedVoicemail: boolean): NoAnswerOutcome {
  if (routing.voicemail.enabled) {
    const reason = reachedVoicemail ? 'voicemail destination' : 'nobody answered: voicemail';
    const failSafe = routing.noAnswer.failSafeNumber;
    return failSafe ? { kind: 'voicemail', reason, failSafeNumber: failSafe } : { kind: 'voicemail', reason };
  }
  if (routing.noAnswer.failSafeNumber) {
    return { kind: 'external', number: routing.noAnswer.failSafeNumber, reason: 'nobody answered: fail-safe number' };
  }
  return { kind: 'missed', reason: 'nobody answered: missed call' };
}
