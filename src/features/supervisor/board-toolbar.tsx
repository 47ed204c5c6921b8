import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { presenceStates, type PresenceState } from '../../common/presence';
import { presenceLabels } from '../presence/presence-labels';
import { boardActions, selectBoardVersion } from './board-store';

/**
 * Counts per state at the top (each a filter: press to show only that state, press more to add), and the
 * number (team) filter. The counts are the model's running totals, never a recount.
 */
export function BoardToolbar() {
  const { board } = useServices();
  useStore(board, selectBoardVersion);
  const model = board.getState().model;
  const { states, numberId } = model.filter;
  const toggle = (s: PresenceState) => {
    const next = new Set(states);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    boardActions.setFilter(board, { states: next, numberId });
  };
  return (
    <div className="board-toolbar">
      <div className="board-counts" role="group" aria-label="Agents per state">
        {presenceStates.map((s) => (
          <button
            key={s}
            type="button"
            className={`btn board-count presence-dot presence-${s}`}
            aria-pressed={states.has(s)}
            data-count={s}
            onClick={() => toggle(s)}
          >
            {presenceLabels[s]} <strong>{model.counts[s]}</strong>
          </button>
        ))}
        {states.size > 0 && (
          <button
            type="button"
            className="btn"
            onClick={() => boardActions.setFilter(board, { states: new Set(), numberId })}
          >
            All states
          </button>
        )}
      </div>
      <label>
        Number{' '}
        <select
          value={numberId ?? ''}
          onChange={(e) => boardActions.setFilter(board, { states, numberId: e.target.value || null })}
        >
          <option value="">Everyone</option>
          {model.numbers.map((n) => (
            <option key={n.id} value={n.id}>
              {n.displayName}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
