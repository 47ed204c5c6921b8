import type { ContactItemType } from '../../../common/domain/contact';
import { targetLabel, type ColumnTarget } from './column-mapping';
import type { CsvTable } from '../../../common/csv';
import { TableScroll } from '../../../components/ui/table-scroll';

const PREVIEW_ROWS = 5;

/** The first rows as they will be imported: only mapped columns, headed by what they become. */
export function ImportPreview({
  table,
  targets,
  itemTypes,
}: {
  table: CsvTable;
  targets: ColumnTarget[];
  itemTypes: readonly ContactItemType[];
}) {
  const used = table.header.map((_, i) => i).filter((i) => targets[i] && targets[i] !== 'ignore');
  return (
    <section aria-label="Import preview" className="import-preview">
      <h3>Preview</h3>
      <p className="muted">
        {table.rows.length} row{table.rows.length === 1 ? '' : 's'} to import
        {table.rows.length > PREVIEW_ROWS && `; the first ${PREVIEW_ROWS} are shown`}.
      </p>
      <TableScroll label="Rows to import">
        <table>
          <thead>
            <tr>
              <th>Line</th>
              {used.map((i) => (
                <th key={i}>{targetLabel(targets[i]!, itemTypes)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                {used.map((i) => (
                  <td key={i}>{row.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
