import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Timeline, TimelineEntry } from '../../common/api/board';
import { Button } from '../../components/ui/button';
import { formatDuration } from '../../common/format';
import { presenceLabels } from '../presence/presence-labels';
import { timelineQuery } from './board-api';
import { formatClock } from './board-format';
import { useNow } from '../../components/format';

/** The day's stretches, with the time before the first one shown as offline (no row: not signed in). */
function stretches(t: Timeline, now: number): (TimelineEntry & { end: number })[] {
  const end = (e: TimelineEntry) => e.to ?? Math.min(now, t.dayEnd);
  const list = t.entries.map((e) => ({ ...e, end: end(e) }));
  const first = list[0];
  if (first && first.from > t.dayStart && first.fromState === 'offline') {
    list.unshift({
      state: 'offline',
      fromState: 'offline',
      reason: null,
      from: t.dayStart,
      to: first.from,
      setBy: null,
      end: first.from,
    });
  }
  return list;
}

/** One agent's day as a bar of states and the list of them, in the organisation's time zone. */
export function AgentTimeline({ staffId, onClose }: { staffId: string; onClose: () => void }) {
  const [day, setDay] = useState<string>();
  const q = useQuery(timelineQuery(staffId, day));
  const now = useNow(10_000);
  const t = q.data;
  return (
    <section className="agent-timeline" aria-label="Agent's day">
      <header className="row">
        <h3>{t ? `${t.name}, ${t.day}` : 'Day'}</h3>
        <label>
          Day <input type="date" value={day ?? t?.day ?? ''} onChange={(e) => setDay(e.target.value || undefined)} />
        </label>
        <Button onClick={onClose}>Close</Button>
      </header>
      {q.isError && <p role="alert">{q.error.message}</p>}
      {t && <TimelineBody t={t} now={now} />}
    </section>
  );
}

function TimelineBody({ t, now }: { t: Timeline; now: number }) {
  const list = stretches(t, now);
  if (list.length === 0) return <p className="muted">No change of state this day.</p>;
  const span = t.dayEnd - t.dayStart;
  return (
    <>
      <div className="timeline-bar" role="img" aria-label="States through the day">
        {list.map((e) => (
          <span
            key={e.from}
            className={`timeline-stretch presence-${e.state}`}
            style={{ left: `${((e.from - t.dayStart) / span) * 100}%`, width: `${((e.end - e.from) / span) * 100}%` }}
            title={`${presenceLabels[e.state]} ${formatClock(e.from, t.timeZone)}–${formatClock(e.end, t.timeZone)}`}
          />
        ))}
      </div>
      <ol className="timeline-list">
        {list.map((e) => (
          <li key={e.from} data-state={e.state}>
            <time>{formatClock(e.from, t.timeZone)}</time>
            {' – '}
            <time>{e.to === null ? 'now' : formatClock(e.end, t.timeZone)}</time>{' '}
            <span className={`presence-dot presence-${e.state}`}>
              {presenceLabels[e.state]}
              {e.reason ? ` · ${e.reason}` : ''}
            </span>{' '}
            <span className="muted">
              {formatDuration(e.end - e.from)}
              {e.setBy ? ` · set by ${e.setBy.name}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
