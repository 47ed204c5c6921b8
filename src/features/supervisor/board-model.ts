import type { BoardActivity, BoardNumber } from '../../common/api/board';
import type { Role } from '../../common/auth';
import { presenceStates, type Presence, type PresenceState } from '../../common/presence';

export type BoardRow = { presence: Presence; activity?: BoardActivity };
export type SortKey = 'name' | 'state' | 'since' | 'extension';
export type BoardSort = { key: SortKey; descending: boolean };
/** Empty `states`: every state. `numberId` null: everyone; else the staff that number can ring. */
export type BoardFilter = { states: ReadonlySet<PresenceState>; numberId: string | null };

/** The order a supervisor reads states in when sorting by state: who can take a call first. */
const stateOrder: Record<PresenceState, number> = {
  available: 0,
  ringing: 1,
  'on-call': 2,
  'wrap-up': 3,
  away: 4,
  dnd: 5,
  offline: 6,
};

const zeroCounts = (): Record<PresenceState, number> =>
  Object.fromEntries(presenceStates.map((s) => [s, 0])) as Record<PresenceState, number>;

/** The fields a row is sorted by, copied when it goes into the sorted list (so it can be found again). */
type SortFields = { id: string; name: string; state: number; since: number; extension: string };
const fieldsOf = (p: Presence): SortFields => ({
  id: p.staffId,
  name: p.name.toLocaleLowerCase(),
  state: stateOrder[p.state],
  since: p.since,
  extension: p.extension ?? '\uffff',
});

/**
 * The board's rows, kept sorted and filtered as presence and activity arrive: one change costs a binary search
 * and a splice, and the counts per state move by one, instead of a pass over every agent. Changing the filter or
 * the sort rebuilds the list once. Plain TypeScript: the component only reads it.
 */
export class BoardModel {
  readonly rows = new Map<string, BoardRow>();
  /** Per state, among the agents of the chosen number (all agents without one); the state filter does not apply. */
  counts = zeroCounts();
  /** Staff ids shown, in order. */
  visible: string[] = [];
  numbers: BoardNumber[] = [];
  roles: Record<string, Role> = {};
  filter: BoardFilter = { states: new Set(), numberId: null };
  sort: BoardSort = { key: 'name', descending: false };
  private sorted: SortFields[] = [];
  private team: ReadonlySet<string> | null = null;

  private compare = (a: SortFields, b: SortFields): number => {
    const { key, descending } = this.sort;
    const primary = key === 'name' ? 0 : a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
    if (primary !== 0) return descending ? -primary : primary;
    if (a.name !== b.name) return (a.name < b.name ? -1 : 1) * (key === 'name' && descending ? -1 : 1);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

  private inTeam = (id: string) => this.team === null || this.team.has(id);
  private shown = (p: Presence) =>
    this.inTeam(p.staffId) && (this.filter.states.size === 0 || this.filter.states.has(p.state));

  /** Where `f` is, or would go, in the sorted list. */
  private position(f: SortFields): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.sorted[mid]!, f) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rebuild(): void {
    this.team =
      this.filter.numberId === null ? null : new Set(this.numbers.find((n) => n.id === this.filter.numberId)?.staffIds);
    this.counts = zeroCounts();
    const shown: SortFields[] = [];
    for (const { presence } of this.rows.values()) {
      if (this.inTeam(presence.staffId)) this.counts[presence.state]++;
      if (this.shown(presence)) shown.push(fieldsOf(presence));
    }
    this.sorted = shown.sort(this.compare);
    this.visible = this.sorted.map((f) => f.id);
  }

  replacePresence(list: Presence[]): void {
    const before = this.rows;
    const next = new Map<string, BoardRow>();
    for (const p of list) next.set(p.staffId, { presence: p, activity: before.get(p.staffId)?.activity });
    before.clear();
    for (const [id, row] of next) this.rows.set(id, row);
    this.rebuild();
  }

  /** One agent's presence changed: counts and the visible list move incrementally. */
  upsertPresence(p: Presence): void {
    const row = this.rows.get(p.staffId);
    const old = row?.presence;
    if (old) {
      if (this.inTeam(old.staffId)) this.counts[old.state]--;
      if (this.shown(old)) {
        const at = this.position(fieldsOf(old));
        if (this.sorted[at]?.id === old.staffId) {
          this.sorted.splice(at, 1);
          this.visible.splice(at, 1);
        }
      }
    }
    this.rows.set(p.staffId, { presence: p, activity: row?.activity });
    if (this.inTeam(p.staffId)) this.counts[p.state]++;
    if (this.shown(p)) {
      const f = fieldsOf(p);
      const at = this.position(f);
      this.sorted.splice(at, 0, f);
      this.visible.splice(at, 0, p.staffId);
    }
  }

  /** Activity of the snapshot (`replace`) or of the feed; an older `rev` than the one held is ignored. */
  setActivity(list: BoardActivity[], replace = false): void {
    for (const a of list) {
      const row = this.rows.get(a.staffId);
      if (!row) continue;
      if (!replace && row.activity && row.activity.rev > a.rev) continue;
      // A new row object: the table redraws exactly the rows whose object changed.
      this.rows.set(a.staffId, { ...row, activity: a });
    }
  }

  setNumbers(numbers: BoardNumber[]): void {
    this.numbers = numbers;
    if (this.filter.numberId !== null) this.rebuild();
  }

  setFilter(filter: BoardFilter): void {
    this.filter = filter;
    this.rebuild();
  }

  setSort(sort: BoardSort): void {
    this.sort = sort;
    this.rebuild();
  }
}
