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

/** "Alice Agent (1001)"; "you" when it is the reader. */
function Colleague({
  id,
  name,
  extension,
  meId,
}: {
  id: string | null;
  name: string;
  extension: string;
  meId: string;
}) {
  if (id === meId) return <>you</>;
  if (id === null) return <>extension {extension}</>;
  return (
    <>
      <strong>{name}</strong> <span className="muted">({extension})</span>
    </>
  );
}

function Internal({ c, meId }: { c: CallHistoryItem; meId: string }) {
  const { callerId, calleeId } = c.internal!;
  const calledMe = calleeId === meId;
  return (
    <>
      <span className="direction">{callerId === meId ? 'Outgoing' : calledMe ? 'Incoming' : 'Internal'}</span>{' '}
      <Colleague id={callerId} name={c.caller.name ?? c.caller.number} extension={c.caller.number} meId={meId} /> →{' '}
      <Colleague id={calleeId} name={c.number.displayName} extension={c.number.number} meId={meId} />
    </>
  );
}

function Line({ c, meId, everyone }: { c: CallHistoryItem; meId: string; everyone: boolean }) {
  const outcome = describeOutcome(c, meId);
  return (
    <li data-call={c.id} data-state={c.state} data-direction={c.direction}>
      <div>
        {c.internal ? (
          <Internal c={c} meId={meId} />
        ) : c.outbound ? (
          <>
            <span className="direction">Outgoing</span> {everyone && <>{c.outbound.agent.name} → </>}
            <Party name={c.caller.name} number={c.caller.number} /> as {c.number.displayName}
            {c.outbound.engagement && <span className="engagement"> · engagement</span>}
          </>
        ) : (
          <>
            <span className="direction">Incoming</span> <Party name={c.caller.name} number={c.caller.number} /> →{' '}
            {c.number.displayName}
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
      {everyone && c.rang.length > 0 && (
        <div className="muted">Rang: {c.rang.map((r) => `${r.name} (${r.reason})`).join(' → ')}</div>
      )}
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
