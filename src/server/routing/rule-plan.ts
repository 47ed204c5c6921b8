import type { RoutingRule } from '../../common/domain/routing-rule';
import { describeHours } from '../../common/domain/weekly-hours';
import { planChain, type ChainPlan, type RoutedDestination } from './destination-plan';
import type { RouteContext } from './route-context';
import { findActive } from './time-windows';
import { pickWeighted } from './weighted-round-robin';

export interface RulePlan extends ChainPlan {
  /** One line for the summary ("percentage routing picked destination 2 (30%)"). */
  headline: string;
}

function alternativePlan(rule: Extract<RoutingRule, { kind: 'alternative' }>, ctx: RouteContext): RulePlan {
  const count = rule.destinations.length;
  const entries: RoutedDestination[] = rule.destinations.map((entry, index) => ({
    ...entry,
    reason: count === 1 ? 'destination of the number' : `alternative routing, destination ${index + 1} of ${count}`,
  }));
  return {
    ...planChain(entries, ctx),
    headline: count === 1 ? 'Rings the number’s destination' : 'Alternative routing',
  };
}

/**
 * The rotation picks one destination by weight; if nobody there can be rung now, the other destinations
 * are tried by weight (highest first) until one can. The rotation still counts the pick.
 */
function percentagePlan(rule: Extract<RoutingRule, { kind: 'percentage' }>, ctx: RouteContext): RulePlan {
  const { index: picked, next } = pickWeighted(
    rule.destinations.map((entry) => entry.weight),
    ctx.rotation.weighted,
  );
  ctx.rotation.weighted = next;
  const order = rule.destinations
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        Number(b.index === picked) - Number(a.index === picked) || b.entry.weight - a.entry.weight || a.index - b.index,
    );
  const entries: RoutedDestination[] = order.map(({ entry, index }) => ({
    destination: entry.destination,
    ringTimeoutSeconds: entry.ringTimeoutSeconds,
    reason:
      index === picked
        ? `percentage routing (${entry.weight}% share)`
        : `percentage routing: picked destination unavailable, next by weight (${entry.weight}%)`,
  }));
  return { ...planChain(entries, ctx, true), headline: `Percentage routing picked destination ${picked + 1}` };
}

/** The window covering now in the number's time zone; outside every window, the fallback. */
function timePlan(rule: Extract<RoutingRule, { kind: 'time' }>, timeZone: string, ctx: RouteContext): RulePlan {
  const active = findActive(rule.windows, (window) => window, ctx.input.now, timeZone);
  if (!active) {
    const plan = planChain([{ ...rule.fallback, reason: 'outside time windows: fallback' }], ctx);
    return { ...plan, headline: 'Time routing: outside every window, fallback' };
  }
  const label = active.item.name
    ? `${active.item.name.toLowerCase()} window`
    : `time window ${describeHours(active.item)}`;
  const plan = planChain(
    [{ destination: active.item.destination, ringTimeoutSeconds: active.item.ringTimeoutSeconds, reason: label }],
    ctx,
  );
  return { ...plan, headline: `Time routing: ${label}` };
}

export function planRule(rule: RoutingRule, timeZone: string, ctx: RouteContext): RulePlan {
  switch (rule.kind) {
    case 'alternative':
      return alternativePlan(rule, ctx);
    case 'percentage':
      return percentagePlan(rule, ctx);
    case 'time':
      return timePlan(rule, timeZone, ctx);
  }
}
