import { healthIssues, type HealthIssue } from '../../common/presence-health';
import type { ManualPresence, PhoneStatus, PresenceState } from '../../common/presence';

/** One open tab: its phone as it reports itself (a hint), and whether its heartbeats are late (the companion's clock). */
export type TabFacts = PhoneStatus & { late?: boolean };

/** What the companion knows about one agent. */
export type PresenceFacts = {
  tabs: TabFacts[];
  /** Kamailio holds a live contact for their extension (fact, from the registration hook). */
  registered: boolean;
  manual: ManualPresence;
  /** In wrap-up after a call, on the companion's clock. */
  wrappingUp?: boolean;
};

/**
 * What is wrong with the tabs that hold the phone (those saying it is registered; when none does, every tab):
 * the problems they report and late heartbeats, in `healthIssues` order.
 */
function tabIssues(tabs: TabFacts[]): HealthIssue[] {
  const phoneTabs = tabs.some((t) => t.registration === 'registered')
    ? tabs.filter((t) => t.registration === 'registered')
    : tabs;
  const found = new Set<HealthIssue>(
    phoneTabs.flatMap((t) => [...(t.problems ?? []), ...(t.late ? ['heartbeat-late' as const] : [])]),
  );
  return healthIssues.filter((i) => found.has(i));
}

/**
 * One agent's presence from the facts we hold. No open tab is offline; so is a phone Kamailio holds no
 * contact for, or one no tab says is registered (a page may only make itself less reachable, never more).
 * A call in progress or ringing beats wrap-up, wrap-up beats the agent's own choice. A phone that could not
 * carry a call (no microphone, sound blocked, a late tab) is never available: the agent who chose Available
 * is offline with the reason, and any other state keeps its name and shows the reason beside it.
 */
export function derivePresence(f: PresenceFacts): { state: PresenceState; issues: HealthIssue[] } {
  if (f.tabs.length === 0) return { state: 'offline', issues: [] };
  const health = tabIssues(f.tabs);
  const claimsRegistered = f.tabs.some((p) => p.registration === 'registered');
  if (!f.registered)
    return { state: 'offline', issues: [claimsRegistered ? 'registration-lost' : 'not-registered', ...health] };
  if (!claimsRegistered) return { state: 'offline', issues: ['not-registered', ...health] };
  const state = ((): PresenceState => {
    if (f.tabs.some((p) => p.activeCalls > 0)) return 'on-call';
    if (f.tabs.some((p) => p.ringing > 0)) return 'ringing';
    if (f.wrappingUp) return 'wrap-up';
    return f.manual;
  })();
  return { state: state === 'available' && health.length > 0 ? 'offline' : state, issues: health };
}
