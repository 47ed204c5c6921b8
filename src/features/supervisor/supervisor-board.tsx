import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../../app/services-context';
import type { Me } from '../../common/auth';
import { AgentTimeline } from './agent-timeline';
import { boardSnapshotQuery, useSetAgentPresence, useSignOutAgent } from './board-api';
import { boardActions } from './board-store';
import { BoardTable } from './board-table';
import { BoardToolbar } from './board-toolbar';
import type { RowActions } from './board-row';

/**
 * Every agent of the organisation, live from the feed: state and for how long, the call they are on, today's
 * counts; filters, sorting, and an agent's day as a timeline. The snapshot gives activity and numbers once (and
 * again after a reconnect, or when the organisation's day ends); everything after comes from the feed.
 */
export function SupervisorBoard({ me }: { me: Me }) {
  const { board } = useServices();
  const queryClient = useQueryClient();
  const snapshot = useQuery(boardSnapshotQuery);
  const [open, setOpen] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const { mutate: setPresenceMutate } = useSetAgentPresence();
  const { mutate: signOutMutate } = useSignOutAgent();

  useEffect(() => {
    if (!snapshot.data) return;
    boardActions.snapshot(board, snapshot.data);
    // Today's counts start again at the organisation's midnight.
    const t = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: boardSnapshotQuery.queryKey }),
      snapshot.data.dayEnd - Date.now(),
    );
    return () => clearTimeout(t);
  }, [board, queryClient, snapshot.data]);

  const actions = useMemo<RowActions>(
    () => ({
      open: setOpen,
      setAway: (staffId, away) =>
        setPresenceMutate({ staffId, state: away ? 'away' : 'available' }, { onError: (e) => setProblem(e.message) }),
      signOut: (staffId) => signOutMutate(staffId, { onError: (e) => setProblem(e.message) }),
    }),

    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <section className="panel supervisor" aria-label="Team presence">
      <h2>Team</h2>
      <BoardToolbar />
      {snapshot.isError && <p role="alert">Calls and today's counts are unavailable: {snapshot.error.message}</p>}
      {problem && (
        <p role="alert" onClick={() => setProblem(undefined)}>
          {problem}
        </p>
      )}
      <BoardTable me={me} actions={actions} />
      {open && <AgentTimeline key={open} staffId={open} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
