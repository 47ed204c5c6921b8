import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { formatDuration } from '../../common/format';

/**
 * The time left of a wrap-up, ticking, and Ready to end it early. The companion ends it on its own clock
 * and says so over the feed; this only shows the count.
 */
export function WrapUpCountdown({ until, onReady, pending }: { until: number; onReady: () => void; pending: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  // Rounded up: "0:01" until the very end, never "0:00" while still wrapping up.
  const left = Math.max(0, Math.ceil((until - now) / 1000) * 1000);
  return (
    <span className="wrap-up">
      <time aria-label="Wrap-up time left">{formatDuration(left)}</time>
      <Button tone="primary" disabled={pending} onClick={onReady}>
        Ready
      </Button>
    </span>
  );
}
