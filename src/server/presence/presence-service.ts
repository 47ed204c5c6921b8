import { AppError } from '../../common/errors';
import { HEARTBEAT_LATE_MS } from '../../common/feed-events';
import type { ManualPresence, PhoneStatus, Presence } from '../../common/presence';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';
import { derivePresence } from './derive-presence';
import type { StateChange } from './presence-history-repo';
import { endWrapUp, inWrapUp, isTalking, nextWrapUp, noWrapUp, type WrapUp } from './wrap-up';

/** Who changed an agent's state when it was not the agent or their phone (a supervisor). */
export type ChangedBy = { id: string; name: string };

/** One open tab: its phone's last report, and its heartbeats as the companion's clock saw them. */
type Tab = { status: PhoneStatus; lastBeat: number; late: boolean; alarm?: unknown };
type Entry = { phones: Map<string, Tab>; presence: Presence; wrapUp: WrapUp; timer?: unknown; by?: ChangedBy };

/** The clock's alarms, injected so tests can move time by hand. */
export type Timers = { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

type Deps = {
  staff: StaffRepo;
  now: () => number;
  publish: (orgId: string, p: Presence) => void;
  /** Kamailio holds a live contact for this extension (the registrar). */
  registered: (extension: string | null) => boolean;
  /** The organisation's wrap-up after every answered call, read when a call ends (0: none). */
  wrapUpSeconds?: (orgId: string) => number;
  timers?: Timers;
  /** A tab with no heartbeat for this long is late (its agent not routable) until its next one. */
  heartbeatLateMs?: number;
  /** Every change of state (or away reason), for the history: called once per change, from `recompute`. */
  recorded?: (change: StateChange) => void;
};

const sameIssues = (a: Presence['issues'] = [], b: Presence['issues'] = []) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Live presence of every agent, kept in memory (it describes open connections, which die with the process).
 * Each feed connection registers itself, reports its phone's status (a hint), and leaves; whether the phone
 * is registered is Kamailio's word (`registered`). Every change of every agent's presence (phone,
 * registration, choice, wrap-up starting or running out on the companion's clock, a reason renamed) goes
 * through `recompute` and is published there, once: the one place to hook onto changes. Each tab's
 * heartbeats are timed here on the companion's clock: one alarm per tab checks, at the latest moment a
 * heartbeat was due, whether one came; only a late one changes anything.
 */
export function createPresenceService(deps: Deps) {
  const entries = new Map<string, Entry>();
  const timers = deps.timers ?? realTimers;
  const wrapUpSeconds = deps.wrapUpSeconds ?? (() => 0);
  const lateMs = deps.heartbeatLateMs ?? HEARTBEAT_LATE_MS;

  function entry(s: StaffRecord): Entry {
    let e = entries.get(s.id);
    if (!e) {
      e = {
        phones: new Map(),
        presence: {
          staffId: s.id,
          name: s.name,
          extension: s.extension,
          state: 'offline',
          since: deps.now(),
          issues: [],
        },
        wrapUp: noWrapUp,
      };
      entries.set(s.id, e);
    }
    return e;
  }

  /** One alarm per agent in wrap-up, at its end: the server's clock ends it, never the browser's. */
  function schedule(staffId: string, e: Entry): void {
    if (e.timer !== undefined) timers.clear(e.timer);
    e.timer = undefined;
    if (e.wrapUp.until === null) return;
    e.timer = timers.set(
      () => {
        e.timer = undefined;
        recompute(staffId);
      },
      Math.max(0, e.wrapUp.until - deps.now()),
    );
  }

  /** Wakes when the tab's next heartbeat is overdue: marks it late, or sleeps again till the next one is. */
  function watchBeats(staffId: string, tab: Tab, ms: number): void {
    tab.alarm = timers.set(() => {
      tab.alarm = undefined;
      const quiet = deps.now() - tab.lastBeat;
      if (quiet < lateMs) return watchBeats(staffId, tab, lateMs - quiet);
      tab.late = true;
      recompute(staffId);
    }, ms);
  }

  function dropTab(e: Entry | undefined, connectionId: string): void {
    const tab = e?.phones.get(connectionId);
    if (tab?.alarm !== undefined) timers.clear(tab.alarm);
    e?.phones.delete(connectionId);
  }

  function recompute(staffId: string, by?: ChangedBy): void {
    const s = deps.staff.findById(staffId);
    if (!s) return;
    const e = entry(s);
    const now = deps.now();
    const tabs = [...e.phones.values()];
    const phones = tabs.map((t) => t.status);
    const talking = isTalking(phones);
    const callEnded = e.wrapUp.talking && !talking;
    e.wrapUp = nextWrapUp(e.wrapUp, talking, callEnded ? wrapUpSeconds(s.orgId) : 0, now);
    schedule(staffId, e);
    const { state, issues } = derivePresence({
      tabs: tabs.map((t) => ({ ...t.status, late: t.late })),
      registered: deps.registered(s.extension),
      manual: s.manualPresence,
      wrappingUp: inWrapUp(e.wrapUp, now),
    });
    const reason = state === 'away' && s.awayReason ? s.awayReason : undefined;
    const wrapUpUntil = state === 'wrap-up' ? (e.wrapUp.until ?? undefined) : undefined;
    const prev = e.presence;
    const sameReason = reason?.id === prev.reason?.id;
    const unchanged =
      state === prev.state && sameReason && reason?.name === prev.reason?.name && wrapUpUntil === prev.wrapUpUntil;
    if (unchanged && sameIssues(issues, prev.issues)) return;
    const sameStretch = state === prev.state && sameReason;
    const since = sameStretch ? prev.since : now;
    e.presence = {
      staffId: prev.staffId,
      name: prev.name,
      extension: prev.extension,
      state,
      since,
      issues,
      ...(reason && { reason }),
      ...(wrapUpUntil !== undefined && { wrapUpUntil }),
    };
    if (!sameStretch) {
      const changedBy = by ?? e.by ?? null;
      deps.recorded?.({
        orgId: s.orgId,
        staffId,
        state,
        fromState: prev.state,
        reason: reason?.name ?? null,
        at: now,
        by: changedBy,
      });
    }
    deps.publish(s.orgId, e.presence);
  }

  return {
    /** A tab opened its feed: connecting counts as its first heartbeat. */
    connect(staffId: string, connectionId: string): void {
      const s = deps.staff.findById(staffId);
      if (!s) return;
      const e = entry(s);
      dropTab(e, connectionId);
      const tab: Tab = {
        status: { registration: 'unregistered', ringing: 0, activeCalls: 0 },
        lastBeat: deps.now(),
        late: false,
      };
      e.phones.set(connectionId, tab);
      watchBeats(staffId, tab, lateMs);
      recompute(staffId);
    },
    report(staffId: string, connectionId: string, status: PhoneStatus): void {
      const tab = entries.get(staffId)?.phones.get(connectionId);
      if (!tab) return;
      tab.status = status;
      recompute(staffId);
    },
    /** The tab's heartbeat: only one that ends a lateness changes the agent's presence. */
    heartbeat(staffId: string, connectionId: string): void {
      const tab = entries.get(staffId)?.phones.get(connectionId);
      if (!tab) return;
      tab.lastBeat = deps.now();
      if (!tab.late) return;
      tab.late = false;
      watchBeats(staffId, tab, lateMs);
      recompute(staffId);
    },
    disconnect(staffId: string, connectionId: string): void {
      dropTab(entries.get(staffId), connectionId);
      recompute(staffId);
    },
    /**
     * The agent's own choice, which also ends a wrap-up (Ready is choosing Available). Away may name one of
     * the organisation's reasons: the write checks it belongs there, so another organisation's id (or one
     * removed a moment ago) is refused and nothing changes.
     */
    setManual(staffId: string, state: ManualPresence, reasonId?: string, by?: ChangedBy): void {
      if (reasonId !== undefined && state === 'away') {
        if (!deps.staff.setAway(staffId, reasonId))
          throw new AppError('NOT_FOUND', 'No such away reason in your organisation.', ['reasonId']);
      } else {
        deps.staff.setManualPresence(staffId, state);
      }
      const e = entries.get(staffId);
      if (e) e.wrapUp = endWrapUp(e.wrapUp);
      recompute(staffId, by);
    },
    /** Runs `fn` (which closes the agent's connections: a sign-out) with the changes it causes put down to `by`. */
    actingOn<T>(staffId: string, by: ChangedBy, fn: () => T): T {
      const s = deps.staff.findById(staffId);
      const e = s ? entry(s) : undefined;
      if (e) e.by = by;
      try {
        return fn();
      } finally {
        if (e) e.by = undefined;
      }
    },
    /** After reasons are renamed or removed: everyone of the organisation shows the reason as it is now. */
    refreshOrg(orgId: string): void {
      for (const s of deps.staff.listByOrg(orgId)) if (entries.has(s.id)) recompute(s.id);
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
    /** One agent's presence (routing reads it per agent); undefined for anyone never seen (offline). */
    get(staffId: string): Presence | undefined {
      return entries.get(staffId)?.presence;
    },
    /** Stops every wrap-up and heartbeat alarm (the companion is closing). */
    stop(): void {
      for (const e of entries.values()) {
        if (e.timer !== undefined) timers.clear(e.timer);
        for (const tab of e.phones.values()) if (tab.alarm !== undefined) timers.clear(tab.alarm);
      }
    },
  };
}
export type PresenceService = ReturnType<typeof createPresenceService>;
