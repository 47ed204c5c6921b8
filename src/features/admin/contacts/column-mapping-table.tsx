import type { ContactItemType } from '../../../common/domain/contact';
import { targetOptions, type ColumnTarget } from './column-mapping';
import type { CsvTable } from '../../../common/csv';
import { TableScroll } from '../../../components/ui/table-scroll';

type Props = {
  table: CsvTable;
  targets: ColumnTarget[];
  onChange: (targets: ColumnTarget[]) => void;
  itemTypes: readonly ContactItemType[];
};

/** One row per CSV column: its name, a sample value and what it holds. */
export function ColumnMappingTable({ table, targets, onChange, itemTypes }: Props) {
  const options = targetOptions(itemTypes);
  return (
    <TableScroll label="CSV columns">
      <table className="column-mapping">
        <thead>
          <tr>
            <th>CSV column</th>
            <th>Example</th>
            <th>Imported as</th>
          </tr>
        </thead>
        <tbody>
          {table.header.map((column, i) => (
            <tr key={i} data-column={column}>
              <td>{column || <span className="muted">(no name)</span>}</td>
              <td className="muted">{table.rows[0]?.cells[i] ?? ''}</td>
              <td>
                <select
                  aria-label={`Import column ${column} as`}
                  value={targets[i] ?? 'ignore'}
                  onChange={(e) => onChange(targets.map((t, j) => (j === i ? (e.target.value as ColumnTarget) : t)))}
                >
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
