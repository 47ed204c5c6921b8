import type { CallHistoryItem } from '../../common/calls';
import { Duration, PhoneNumber, RelativeTime } from '../../components/format';
import { describeOutcome } from './call-outcome';
import { useCallHistory } from './calls-api';

function Party({ name, number }: { name: string | null; number: string }) {
  return name ? (
    <>
      <strong>{name}</strong>{' '}
      <span className="muted">
        (<PhoneNumber value={number} />)
      </span>
    </>
  ) : (
    <strong>
      <PhoneNumber value={number} />
    </strong>
  );
}

function Line({ c, meId, everyone }: { c: CallHistoryItem; meId: string; everyone: boolean }) {
  const outcome = describeOutcome(c, meId);
  return (
    <li data-call={c.id} data-state={c.state} data-direction={c.direction}>
      <div>
        {c.outbound ? (
          <>
            <span className="direction">Outgoing</span> {everyone && <>{c.outbound.agent.name} → </>}
            <Party name={c.caller.name} number={c.caller.number} /> as {c.number.displayName}
            {c.outbound.engagement && <span className="engagement"> · engagement</span>}
          </>
        ) : (
          <>
            <span className="direction">Incoming</span> <Party name={c.caller.name} number={c.caller.number} /> → {c.number.displayName}
          </>
        )}{' '}
        <span className={`outcome outcome-${outcome.tone}`}>{outcome.label}</span>
        {c.durationSeconds !== null && (
          <>
            {' · '}
            <Duration ms={c.durationSeconds * 1000} label="Talk time" />
          </>
        )}
      </div>
      <div className="muted">
        <RelativeTime at={c.startedAt} />
        {outcome.detail && <> · {outcome.detail}</>}
      </div>
      {everyone && c.rang.length > 0 && <div className="muted">Rang: {c.rang.map((r) => `${r.name} (${r.reason})`).join(' → ')}</div>}
    </li>
  );
}

/** Calls in and out with their outcome in words: the agent's own, or everyone's for supervisors and admins. */
export function CallHistory({ everyone, meId }: { everyone: boolean; meId: string }) {
  const history = useCallHistory();
  return (
    <section className="panel history" aria-label="Call history">
      <h2>{everyone ? 'All calls' : 'My calls'}</h2>
      {history.isPending && <p>Loading…</p>}
      {history.isError && <p role="alert">{history.error.message}</p>}
      {history.data?.length === 0 && <p>No calls yet.</p>}
      <ul>
        {history.data?.map((c) => (
          <Line key={c.id} c={c} meId={meId} everyone={everyone} />
        ))}
      </ul>
    </section>
  );
}
