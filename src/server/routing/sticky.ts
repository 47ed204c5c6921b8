import type { Binding } from '../../common/domain/binding';
import type { BindingSettings } from '../../common/domain/binding-settings';
import { samePhoneNumber } from '../../common/domain/phone-number';
import type { StandardNumber } from '../../common/domain/virtual-number';
import { formatDay } from './zoned-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LiveBinding {
  binding: Binding;
  settings: BindingSettings;
  /** When the binding lapses: the earlier of its stored expiry and last interaction + the current period. */
  until: number;
}

/**
 * The binding that routes this caller on this number now: sticky or engagement (whichever is switched on),
 * not expired, most recent interaction first. Engagement applies to local numbers only.
 */
export function findLiveBinding(
  number: StandardNumber,
  caller: string,
  bindings: Binding[],
  now: Date,
): LiveBinding | undefined {
  const settingsOf = (binding: Binding): BindingSettings | undefined => {
    const settings = binding.kind === 'sticky' ? number.routing.sticky : number.routing.engagement;
    if (binding.kind === 'engagement' && number.type !== 'local') return undefined;
    return settings.enabled ? settings : undefined;
  };
  return bindings
    .filter((binding) => binding.numberId === number.id && samePhoneNumber(binding.caller, caller))
    .flatMap((binding): LiveBinding[] => {
      const settings = settingsOf(binding);
      if (!settings) return [];
      const until = Math.min(binding.expiresAt, binding.lastInteractionAt + settings.bindingDays * DAY_MS);
      return until > now.getTime() ? [{ binding, settings, until }] : [];
    })
    .sort((a, b) => b.binding.lastInteractionAt - a.binding.lastInteractionAt)[0];
}

function daysAgo(then: number, now: Date): string {
  const days = Math.floor((now.getTime() - then) / DAY_MS);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * "sticky: last spoke to the caller 3 days ago" / "engagement: called them on 12 Nov, bound until 19 Nov": read by admins,
 * supervisors and the agent alike, so in no one's person (the agent's card says it in their words: common/spoken-reason.ts).
 */
export function bindingReason(live: LiveBinding, now: Date, timeZone: string): string {
  const { binding } = live;
  if (binding.kind === 'sticky') return `sticky: last spoke to the caller ${daysAgo(binding.lastInteractionAt, now)}`;
  return `engagement: called them on ${formatDay(binding.lastInteractionAt, timeZone)}, bound until ${formatDay(live.until, timeZone)}`;
}
