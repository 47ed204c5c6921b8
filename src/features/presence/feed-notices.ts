import type { ToastInput } from '../../components/ui/toast-store';
import type { PresenceStoreState } from './presence-store';

type Feed = PresenceStoreState['feed'];

/** One toast for the feed's state: "back" replaces "lost". */
const id = 'feed-connection';

/**
 * What the agent is told when the live feed to the companion changes: lost when it was up, back when it had been
 * down. The first connection, retries while down and signing out say nothing.
 */
export function feedNotice(was: Feed, now: Feed): ToastInput | undefined {
  if (was.status === 'connected' && now.status === 'disconnected')
    return {
      id,
      tone: 'error',
      title: 'Live updates lost',
      body: `${now.reason ?? 'Connection to the Switchboard server lost.'} Until it is back, counts and lists may be out of date.`,
    };
  if (was.status === 'disconnected' && now.status === 'connected')
    return { id, tone: 'success', title: 'Live updates are back', body: 'Counts and lists are up to date again.' };
  return undefined;
}
