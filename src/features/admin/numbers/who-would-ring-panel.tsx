import { useState } from 'react';
import { useFormats } from '../../../components/format';
import { DryRunPanel } from './dry-run-panel';
import { useStaff } from '../staff/staff-api';
import { useNumbers } from './numbers-api';

/**
 * "Who would ring?" for supervisors, outside the admin console: pick one of the organisation's numbers, then try a
 * caller and a time against its saved routing and everyone's live presence. Nothing is changed.
 */
export function WhoWouldRingPanel() {
  const numbers = useNumbers();
  const staff = useStaff();
  const formats = useFormats();
  const [chosen, setChosen] = useState<string>();
  if (numbers.isPending || staff.isPending) return <p className="panel">Loading…</p>;
  if (numbers.isError || staff.isError) return <p className="panel error">{(numbers.error ?? staff.error)!.message}</p>;
  const number = numbers.data.find((n) => n.id === chosen) ?? numbers.data[0];
  if (!number) return null;
  return (
    <div className="who-would-ring" aria-label="Who would ring? (any number)" role="region">
      <label className="panel">
        Number to try
        <select value={number.id} onChange={(e) => setChosen(e.target.value)}>
          {numbers.data.map((n) => (
            <option key={n.id} value={n.id}>
              {n.displayName ? `${n.displayName} · ` : ''}
              {formats.phone(n.number)}
            </option>
          ))}
        </select>
      </label>
      <DryRunPanel key={number.id} number={number} staff={staff.data} />
    </div>
  );
}
