import { describeDuration, formatDateTime, formatDuration, formatRelative } from '../../common/format';
import { useFormats } from './formats-context';
import { useNow } from './use-now';

const iso = (ms: number) => new Date(ms).toISOString();

/** "5 minutes ago", with the date and time on hover; it moves on by itself. */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  const { settings } = useFormats();
  const now = useNow(30_000);
  return (
    <time className={className} dateTime={iso(at)} title={formatDateTime(at, settings)}>
      {formatRelative(at, now, settings)}
    </time>
  );
}

/** "2 Dec 2026, 15:28" in the agent's locale and time zone. */
export function DateTime({ at, className }: { at: number; className?: string }) {
  const { settings } = useFormats();
  return (
    <time className={className} dateTime={iso(at)}>
      {formatDateTime(at, settings)}
    </time>
  );
}

/** `m:ss` (`h:mm:ss` from an hour), with the length in words on hover. */
export function Duration({ ms, label, className }: { ms: number; label?: string; className?: string }) {
  const { settings } = useFormats();
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return (
    <time
      className={className}
      dateTime={`PT${seconds}S`}
      title={describeDuration(ms, settings.locale)}
      aria-label={label}
    >
      {formatDuration(ms)}
    </time>
  );
}
