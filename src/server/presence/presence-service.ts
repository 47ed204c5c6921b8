import type { ManualPresence, PhoneStatus, Presence, PresenceState } from '../../common/presence';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';
import { derivePresence } from './derive-presence';

type Entry = { phones: Map<string, PhoneStatus>; presence: Presence };

const sameIssues = (a: Presence['issues'] = [], b: Presence['issues'] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Live presence of every agent, kept in memory (it describes open connections, which die with the process).
 * Each feed connection registers itself, reports its phone's status (a hint), and leaves; whether the phone
 * is registered is Kamailio's word (`registered`). Every change is published.
 */
export function createPresenceService(deps: {
  staff: StaffRepo;
  now: () => number;
  publish: (orgId: string, p: Presence) => void;
  /** Kamailio holds a live contact for this extension (the registrar). */
  registered: (extension: string | null) => boolean;
}) {
  const entries = new Map<string, Entry>();

  function entry(s: StaffRecord): Entry {
    let e = entries.get(s.id);
    if (!e) {
      e = { phones: new Map(), presence: { staffId: s.id, name: s.name, extension: s.extension, state: 'offline', since: deps.now(), issues: [] } };
      entries.set(s.id, e);
    }
    return e;
  }

  function recompute(staffId: string): void {
    const s = deps.staff.findById(staffId);
    if (!s) return;
    const e = entry(s);
    const { state, issues } = derivePresence({ tabs: [...e.phones.values()], registered: deps.registered(s.extension), manual: s.manualPresence });
    if (state === e.presence.state && sameIssues(issues, e.presence.issues)) return;
    e.presence = { ...e.presence, state, issues, since: state === e.presence.state ? e.presence.since : deps.now() };
    deps.publish(s.orgId, e.presence);
  }

  return {
    connect(staffId: string, connectionId: string): void {
      const s = deps.staff.findById(staffId);
      if (!s) return;
      entry(s).phones.set(connectionId, { registration: 'unregistered', ringing: 0, activeCalls: 0 });
      recompute(staffId);
    },
    report(staffId: string, connectionId: string, status: PhoneStatus): void {
      const e = entries.get(staffId);
      if (!e || !e.phones.has(connectionId)) return;
      e.phones.set(connectionId, status);
      recompute(staffId);
    },
    disconnect(staffId: string, connectionId: string): void {
      entries.get(staffId)?.phones.delete(connectionId);
      recompute(staffId);
    },
    setManual(staffId: string, state: ManualPresence): void {
      deps.staff.setManualPresence(staffId, state);
      recompute(staffId);
    },
    /** Kamailio's registration of this extension changed (the registrar calls it). */
    registrationChanged(extension: string): void {
      const s = deps.staff.findByExtension(extension);
      if (s) recompute(s.id);
    },
    /** Everyone in the organisation, offline included. */
    listOrg(orgId: string): Presence[] {
      return deps.staff.listByOrg(orgId).map((s) => entries.get(s.id)?.presence ?? entry(s).presence);
    },
    get(staffId: string): Presence | undefined {
      return entries.get(staffId)?.presence;
    },
    /** Presence state per staff id, for routing; anyone never seen is offline. */
    statesOf(orgId: string): Record<string, PresenceState> {
      return Object.fromEntries(deps.staff.listByOrg(orgId).map((s) => [s.id, entries.get(s.id)?.presence.state ?? 'offline']));
    },
  };
}
export type PresenceService = ReturnType<typeof createPresenceService>;
