import type { NumberView } from '../../common/api/numbers';
import type { RoutingSettings } from '../../common/domain/routing-settings';
import type { StoredNumber } from '../storage/number-repo';

/** The number as the API shows it: a main number's PIN (kept hashed, apart) becomes "is it still the default?". */
export function toNumberView(number: StoredNumber, pinIsDefault: (boxId: string) => boolean): NumberView {
  if (number.kind !== 'main') return number;
  return { ...number, main: { ...number.main, pinIsDefault: pinIsDefault(number.id) } };
}

const on = (enabled: boolean) => (enabled ? 'on' : 'off');

/** One line for the change log: "Alternative routing, 3 destinations; voicemail off; sticky on; engagement off". */
export function describeRouting(routing: RoutingSettings): string {
  const { rule } = routing;
  const ruleText =
    rule.kind === 'time'
      ? `Time routing, ${rule.windows.length} window${rule.windows.length === 1 ? '' : 's'} and a fallback`
      : `${rule.kind === 'alternative' ? 'Alternative' : 'Percentage'} routing, ${rule.destinations.length} destination${rule.destinations.length === 1 ? '' : 's'}`;
  return `${ruleText}; voicemail ${on(routing.voicemail.enabled)}; sticky ${on(routing.sticky.enabled)}; engagement ${on(routing.engagement.enabled)}`;
}
