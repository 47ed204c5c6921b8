import type { NumberView } from '../../../common/api/numbers';
import { Button } from '../../../components/ui/button';
import { DateTime, PhoneNumber, useFormats } from '../../../components/format';
import { useNumbers } from './numbers-api';
import { TableScroll } from '../../../components/ui/table-scroll';

const kindLabels: Record<NumberView['kind'], string> = {
  standard: 'Virtual number',
  company: 'Company number',
  main: 'Main number',
};
const typeLabels: Record<NumberView['type'], string> = { local: 'Local', 'toll-free': 'Toll-free' };

/** The organisation's numbers; choosing one opens its details. */
export function NumbersList({ onOpen }: { onOpen: (id: string) => void }) {
  const numbers = useNumbers();
  const formats = useFormats();
  if (numbers.isPending) return <p>Loading numbers…</p>;
  if (numbers.isError) return <p className="error">The numbers could not be loaded: {numbers.error.message}</p>;
  return (
    <section className="panel numbers-list" aria-labelledby="numbers-title">
      <h2 id="numbers-title">Numbers</h2>
      {numbers.data.length === 0 ? (
        <p className="muted">No numbers yet. Ask your account manager for one.</p>
      ) : (
        <TableScroll label="Numbers table">
          <table>
            <thead>
              <tr>
                <th>Number</th>
                <th>Display name</th>
                <th>Type</th>
                <th>Kind</th>
                <th>City / country</th>
                <th>Expires</th>
                <th>Last updated</th>
              </tr>
            </thead>
            <tbody>
              {numbers.data.map((n) => (
                <tr key={n.id} data-number={n.id}>
                  <td>
                    <Button className="link" onClick={() => onOpen(n.id)}>
                      <PhoneNumber value={n.number} />
                    </Button>
                  </td>
                  <td>{n.displayName || <span className="muted">—</span>}</td>
                  <td>{typeLabels[n.type]}</td>
                  <td>{kindLabels[n.kind]}</td>
                  <td>{[n.city, n.country].filter(Boolean).join(', ')}</td>
                  <td>{formats.date(n.expiresAt)}</td>
                  <td>
                    <DateTime at={n.updatedAt} /> <span className="muted">by {n.updatedBy}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
