import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';

/** Live presence by staff id (kept in memory: read per agent, never per organisation). */
export type LivePresence = {
  get(staffId: string): { state: PresenceState; issues?: readonly HealthIssue[] } | undefined;
};

/** One organisation's agents' live presence, as routing reads it: per agent, by staff id. */
export type OrgPresence = {
  /** The agent's state; anyone not of the organisation (another organisation's id) is offline. */
  state(staffId: string): PresenceState;
  /** The agent's health issues, only for one that has any. */
  health(staffId: string): readonly HealthIssue[] | undefined;
};

/** Reads `presence` for the organisation whose staff are `members` (keyed by staff id). */
export function orgPresence(presence: LivePresence, members: ReadonlyMap<string, unknown>): OrgPresence {
  const live = (staffId: string) => (members.has(staffId) ? presence.get(staffId) : undefined);
  return {
    state: (staffId) => live(staffId)?.state ?? 'offline',
    health: (staffId) => {
      const issues = live(staffId)?.issues;
      return issues?.length ? issues : undefined;
    },
  };
}
