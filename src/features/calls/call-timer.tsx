import { Duration, useNow } from '../../components/format';

/** How long the call has lasted, ticking each second. */
export function CallTimer({ since }: { since: number }) {
  const now = useNow(1000);
  return <Duration className="call-timer" ms={now - since} label="Call duration" />;
}
