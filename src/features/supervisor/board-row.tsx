import { memo } from 'react';
import type { Me } from '../../common/auth';
import { mayActOn } from '../../common/domain/supervision';
import { healthWords } from '../../common/presence-health';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { formatDuration } from '../../common/format';
import { useFormats } from '../../components/format';
import { presenceText } from '../presence/presence-labels';
import { callDuration, callSummary, talkTime } from './board-format';
import type { BoardRow } from './board-model';

export type RowActions = {
  open: (staffId: string) => void;
  setAway: (staffId: string, away: boolean) => void;
  signOut: (staffId: string, name: string) => void;
};

type Props = { row: BoardRow; role: Me['role'] | undefined; me: Me; now: number; actions: RowActions; index: number };

/** One agent on the board: presence, the call they are on, today's counts, and what a supervisor may do. */
export const BoardRowView = memo(function BoardRowView({ row, role, me, now, actions, index }: Props) {
  const { presence: p, activity } = row;
  const call = activity?.call ?? null;
  const { phone } = useFormats();
  const canAct = role !== undefined && mayActOn(me, { id: p.staffId, orgId: me.orgId, role }) === 'yes';
  return (
    <tr data-staff={p.staffId} data-since={p.since} data-index={index} aria-rowindex={index + 2}>
      <td>
        <Button className="link" onClick={() => actions.open(p.staffId)}>
          {p.name}
        </Button>
      </td>
      <td>{p.extension ?? '—'}</td>
      <td>
        <span className={`presence-dot presence-${p.state}`} data-presence={p.state}>
          {presenceText(p)}
        </span>
        {p.issues?.map((issue) => (
          <span key={issue} className="presence-issue" data-issue={issue}>
            {' · '}
            {healthWords[issue].board}
          </span>
        ))}
      </td>
      <td>{formatDuration(now - p.since)}</td>
      <td data-call={call?.status ?? 'none'}>
        {call ? `${callSummary(call, phone)} · ${callDuration(call, now)}` : ''}
      </td>
      <td>{activity ? activity.today.answered : ''}</td>
      <td>{activity ? activity.today.missed : ''}</td>
      <td>{activity ? talkTime(activity.today, call, now) : ''}</td>
      <td className="board-actions">
        {canAct && (
          <>
            <Button onClick={() => actions.setAway(p.staffId, p.state !== 'away')}>
              {p.state === 'away' ? 'Set available' : 'Set away'}
            </Button>
            <ConfirmDialog
              trigger={<Button tone="danger">Sign out</Button>}
              title={`Sign ${p.name} out?`}
              description="Their sessions end and their phone stops taking calls until they sign in again."
              confirmLabel="Sign out"
              onConfirm={() => actions.signOut(p.staffId, p.name)}
            />
          </>
        )}
      </td>
    </tr>
  );
});
