import type { VirtualNumber } from '../../common/domain/virtual-number';
import { autoDeleteDays, type AutoDeletePeriod } from '../../common/domain/voicemail-settings';
import type { Repos } from '../storage/repos';

const DAY_MS = 86_400_000;
/** The main number has no auto-deletion setting of its own: its messages are kept a month. */
export const MAIN_BOX_PERIOD: AutoDeletePeriod = 'monthly';

/** A voicemail box is a number's: a standard number with voicemail on, or the main number. */
export type Box = { orgId: string; number: VirtualNumber };

/** The box with this id (the number's id), whichever organisation holds it; undefined when it takes no messages. */
export function findBox(repos: Repos, boxId: string): Box | undefined {
  const orgId = repos.db.prepare('SELECT org_id FROM virtual_numbers WHERE id = ?').pluck().get(boxId) as
    string | undefined;
  const number = orgId ? repos.numbers.find(orgId, boxId) : undefined;
  if (!orgId || !number) return undefined;
  if (number.kind === 'main' || (number.kind === 'standard' && number.routing.voicemail.enabled))
    return { orgId, number };
  return undefined;
}

/** How long the box keeps a message, in ms. */
export function keepMs(number: VirtualNumber): number {
  const period = number.kind === 'standard' ? number.routing.voicemail.autoDelete : MAIN_BOX_PERIOD;
  return autoDeleteDays[period] * DAY_MS;
}

/** What the caller hears when the number has no greeting of its own. */
export function defaultGreetingText(number: VirtualNumber): string {
  return `You have reached ${number.displayName || 'us'}. Please leave a message after the tone.`;
}
