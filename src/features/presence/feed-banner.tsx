import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectFeed } from './presence-store';

/**
 * Across the page for as long as the live feed is down: what the agent sees may be out of date. It goes by itself
 * when the feed is back. The toast (feed-notices.ts) announces the change; this stays.
 */
export function FeedBanner() {
  const { presence } = useServices();
  const feed = useStore(presence, selectFeed);
  if (feed.status !== 'disconnected') return null;
  return (
    <div className="feed-banner" data-feed-banner="disconnected">
      <span className="feed-banner-tone">Offline</span> <strong>Live updates lost.</strong> {feed.reason} Until it is
      back, counts and lists may be out of date.
    </div>
  );
}
