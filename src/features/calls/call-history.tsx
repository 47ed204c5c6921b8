import type { CallHistoryItem } from '../../common/calls';
import { formatPhone } from '../../common/domain/phone-number';
import { formatDuration } from './call-timer';
import { useCallHistory } from './calls-api';

const outcomeLabels: Record<CallHistoryItem['state'], string> = {
  ringing: 'Ringing',
  answered: 'In progress',
  ended: 'Answered',
  missed: 'Missed',
  refused: 'Refused',
};

/** Calls in and out: inbound with where they went and why, outbound with the caller ID presented: the agent's own, or everyone's for supervisors and admins. */
export function CallHistory({ everyone }: { everyone: boolean }) {
  const history = useCallHistory();
  return (
    <section className="panel history" aria-label="Call history">
      <h2>{everyone ? 'All calls' : 'My calls'}</h2>
      {history.isPending && <p>Loading…</p>}
      {history.isError && <p role="alert">{history.error.message}</p>}
      {history.data?.length === 0 && <p>No calls yet.</p>}
      <ul>
        {history.data?.map((c) => (
          <li key={c.id} data-call={c.id} data-state={c.state}>
            <div>
              {c.outbound ? (
                <>
                  <span className="direction">Outbound</span> {c.outbound.agent.name} → <strong>{c.caller.name ?? formatPhone(c.caller.number)}</strong>
                  {c.caller.name && <span className="muted"> ({formatPhone(c.caller.number)})</span>} as {c.number.displayName}
                  {c.number.number && c.number.number !== c.number.displayName && <span className="muted"> ({formatPhone(c.number.number)})</span>}
                  {c.outbound.engagement && <span className="engagement"> · engagement</span>}{' '}
                  <span className={`outcome outcome-${c.state}`}>{outcomeLabels[c.state]}</span>
                </>
              ) : (
                <>
                  <strong>{c.caller.name ?? c.caller.number}</strong> → {c.number.displayName}{' '}
                  <span className={`outcome outcome-${c.state}`}>{outcomeLabels[c.state]}</span>
                  {c.answeredBy && <span> by {c.answeredBy.name}</span>}
                </>
              )}
              {c.durationSeconds !== null && <span> · {formatDuration(c.durationSeconds * 1000)}</span>}
            </div>
            <div className="muted">
              {new Date(c.startedAt).toLocaleString()} · {c.outcomeReason ?? c.summary}
            </div>
            {c.rang.length > 0 && <div className="muted">Rang: {c.rang.map((r) => `${r.name} (${r.reason})`).join(' → ')}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
