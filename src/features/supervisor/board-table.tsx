import { useRef } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import type { Me } from '../../common/auth';
import { boardActions, selectBoardVersion } from './board-store';
import type { SortKey } from './board-model';
import { BoardRowView, type RowActions } from './board-row';
import { useNow } from '../../components/format';
import { rowWindow, useScrollView } from './use-row-window';

/** Rows are one line high, always: the window of rows in view is placed without measuring each. */
export const BOARD_ROW_PX = 40;
const VIEWPORT_PX = 480;

const columns: { label: string; sort?: SortKey }[] = [
  { label: 'Agent', sort: 'name' },
  { label: 'Ext.', sort: 'extension' },
  { label: 'Status', sort: 'state' },
  { label: 'For', sort: 'since' },
  { label: 'Call' },
  { label: 'Answered' },
  { label: 'Missed' },
  { label: 'Talk time' },
  { label: 'Actions' },
];

/**
 * The board's rows, virtualised: only the rows in view (and a few around them) are in the page, so 5,000
 * agents scroll and update like 50. The model keeps them sorted and filtered; this only draws a window of it.
 */
export function BoardTable({ me, actions }: { me: Me; actions: RowActions }) {
  const { board } = useServices();
  useStore(board, selectBoardVersion);
  const model = board.getState().model;
  const now = useNow(1000);
  const scroller = useRef<HTMLDivElement>(null);
  const view = useScrollView(scroller, VIEWPORT_PX);
  const win = rowWindow(model.visible.length, BOARD_ROW_PX, view.scrollTop, view.height, 8);
  const sortBy = (key: SortKey) =>
    boardActions.setSort(board, { key, descending: model.sort.key === key ? !model.sort.descending : false });

  return (
    <div className="board-scroll" ref={scroller} style={{ height: VIEWPORT_PX }}>
      <table aria-rowcount={model.visible.length + 1}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                aria-sort={
                  c.sort && model.sort.key === c.sort ? (model.sort.descending ? 'descending' : 'ascending') : undefined
                }
              >
                {c.sort ? (
                  <Button className="link" onClick={() => sortBy(c.sort!)}>
                    {c.label}
                  </Button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {win.top > 0 && <tr aria-hidden="true" style={{ height: win.top }} />}
          {model.visible.slice(win.first, win.last + 1).map((id, i) => (
            <BoardRowView
              key={id}
              row={model.rows.get(id)!}
              role={model.roles[id]}
              me={me}
              now={now}
              actions={actions}
              index={win.first + i}
            />
          ))}
          {win.bottom > 0 && <tr aria-hidden="true" style={{ height: win.bottom }} />}
        </tbody>
      </table>
      {model.visible.length === 0 && <p className="muted">Nobody matches these filters.</p>}
    </div>
  );
}
