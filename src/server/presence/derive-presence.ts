import type { HealthIssue } from '../../common/presence-health';
import type { ManualPresence, PhoneStatus, PresenceState } from '../../common/presence';

/** What the companion knows about one agent. */
export type PresenceFacts = {
  /** The phones of their open tabs, as each reports itself (hints). */
  tabs: PhoneStatus[];
  /** Kamailio holds a live contact for their extension (fact, from the registration hook). */
  registered: boolean;
  manual: ManualPresence;
  /** In wrap-up after a call, on the companion's clock. */
  wrappingUp?: boolean;
};

/**
 * One agent's presence from the facts we hold. No open tab is offline; so is a phone Kamailio holds no
 * contact for, or one no tab says is registered (a page may only make itself less reachable, never more).
 * A call in progress or ringing beats wrap-up, wrap-up beats the agent's own choice.
 */
export function derivePresence(f: PresenceFacts): { state: PresenceState; issues: HealthIssue[] } {
  if (f.tabs.length === 0) return { state: 'offline', issues: [] };
  const claimsRegistered = f.tabs.some((p) => p.registration === 'registered');
  if (!f.registered) return { state: 'offline', issues: [claimsRegistered ? 'registration-lost' : 'not-registered'] };
  if (!claimsRegistered) return { state: 'offline', issues: ['not-registered'] };
  if (f.tabs.some((p) => p.activeCalls > 0)) return { state: 'on-call', issues: [] };
  if (f.tabs.some((p) => p.ringing > 0)) return { state: 'ringing', issues: [] };
  if (f.wrappingUp) return { state: 'wrap-up', issues: [] };
  return { state: f.manual, issues: [] };
}
