import { DEFAULT_RING_TIMEOUT_SECONDS, type Destination } from '../../../common/domain/destination';
import { MAX_ALTERNATIVE_DESTINATIONS, type RoutingRule } from '../../../common/domain/routing-rule';

export type RuleKind = RoutingRule['kind'];
export type Entry = { destination: Destination; ringTimeoutSeconds: number };

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

export const weightsTotal = (entries: readonly { weight: number }[]) =>
  entries.reduce((sum, entry) => sum + (Number.isFinite(entry.weight) ? entry.weight : 0), 0);

/** Whole percentages as even as possible, the remainder on the first ones: 3 → [34, 33, 33]. */
export function splitEvenly(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

export function firstStaffDestination(staffIds: readonly string[]): Destination {
  return { kind: 'staff', staffId: staffIds[0] ?? '' };
}

/** Every destination of a rule, in the order an admin reads them, each with its ring timeout. */
export function ruleEntries(rule: RoutingRule): Entry[] {
  if (rule.kind !== 'time')
    return rule.destinations.map(({ destination, ringTimeoutSeconds }) => ({ destination, ringTimeoutSeconds }));
  return [
    ...rule.windows.map(({ destination, ringTimeoutSeconds }) => ({ destination, ringTimeoutSeconds })),
    rule.fallback,
  ];
}

/** A rule of another kind keeping the destinations already chosen, so switching kinds loses as little as possible. */
export function convertRule(rule: RoutingRule, kind: RuleKind, staffIds: readonly string[]): RoutingRule {
  if (rule.kind === kind) return rule;
  const entries = ruleEntries(rule);
  const fallbackEntry: Entry = {
    destination: firstStaffDestination(staffIds),
    ringTimeoutSeconds: DEFAULT_RING_TIMEOUT_SECONDS,
  };
  const first = entries[0] ?? fallbackEntry;
  switch (kind) {
    case 'alternative':
      return { kind, destinations: entries.slice(0, MAX_ALTERNATIVE_DESTINATIONS) };
    case 'percentage': {
      const kept = entries.slice(0, MAX_ALTERNATIVE_DESTINATIONS);
      const weights = splitEvenly(kept.length);
      return { kind, destinations: kept.map((entry, i) => ({ ...entry, weight: weights[i] ?? 0 })) };
    }
    case 'time':
      return {
        kind,
        windows: [
          { name: 'Office hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', ...first },
        ],
        fallback: entries[1] ?? first,
      };
  }
}
