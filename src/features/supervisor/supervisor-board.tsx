import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { formatDuration } from '../../common/format';
import { healthWords } from '../../common/presence-health';
import { presenceText } from '../presence/presence-labels';
import { selectAllPresence } from '../presence/presence-store';

/** Every agent of the organisation, live: state and how long they have been in it. */
export function SupervisorBoard() {
  const { presence } = useServices();
  const all = useStore(presence, selectAllPresence);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const rows = Object.values(all).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="panel supervisor" aria-label="Team presence">
      <h2>Team</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Ext.</th>
            <th scope="col">Status</th>
            <th scope="col">For</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.staffId} data-staff={p.staffId}>
              <td>{p.name}</td>
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
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
