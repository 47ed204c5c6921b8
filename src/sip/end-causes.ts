/** Why a call ended, in our own words (never a raw SIP code in the UI). */
export const endCauses = [
  'hangup-local',
  'hangup-remote',
  'declined',
  'busy',
  'not-found',
  'unavailable',
  'no-answer',
  'cancelled',
  'answered-elsewhere',
  'forbidden',
  'failed',
  'network',
] as const;
export type EndCause = (typeof endCauses)[number];

const labels: Record<EndCause, string> = {
  'hangup-local': 'You hung up',
  'hangup-remote': 'The other party hung up',
  declined: 'Call declined',
  busy: 'Busy',
  'not-found': 'Number not found',
  unavailable: 'Not available',
  'no-answer': 'No answer',
  cancelled: 'Call cancelled',
  'answered-elsewhere': 'Answered elsewhere',
  forbidden: 'Call not allowed',
  failed: 'Call failed',
  network: 'Connection lost',
};

export function describeEndCause(cause: EndCause): string {
  return labels[cause];
}

/** A final SIP response status to an INVITE → why the call did not happen. */
export function endCauseFromStatus(statusCode: number): EndCause {
  switch (statusCode) {
    case 486:
    case 600:
      return 'busy';
    case 603:
    case 607:
      return 'declined';
    case 404:
    case 410:
    case 484:
    case 604:
      return 'not-found';
    case 480:
      return 'unavailable';
    case 408:
      return 'no-answer';
    case 487:
      return 'cancelled';
    case 401:
    case 403:
    case 407:
      return 'forbidden';
    default:
      return 'failed';
  }
}

/** Q.850 causes that PSTN gateways put in `Reason: Q.850;cause=N`. */
const q850: Record<number, EndCause> = {
  1: 'not-found',
  3: 'not-found',
  16: 'hangup-remote',
  17: 'busy',
  18: 'no-answer',
  19: 'no-answer',
  20: 'unavailable',
  21: 'declined',
  22: 'not-found',
  27: 'unavailable',
  28: 'not-found',
};

/**
 * A `Reason` header (RFC 3326) → end cause, or undefined when it says nothing useful.
 * `SIP;cause=200;text="Call completed elsewhere"` is how a forking proxy cancels the other phones.
 */
export function endCauseFromReason(reason: string | undefined): EndCause | undefined {
  if (!reason) return undefined;
  const match = /^\s*(SIP|Q\.850)\s*;.*?\bcause\s*=\s*(\d+)/i.exec(reason);
  if (!match) return undefined;
  const protocol = (match[1] ?? '').toUpperCase();
  const cause = Number(match[2]);
  if (protocol === 'SIP') {
    if (cause >= 200 && cause < 300) return 'answered-elsewhere';
    return cause >= 300 ? endCauseFromStatus(cause) : undefined;
  }
  return q850[cause];
}
