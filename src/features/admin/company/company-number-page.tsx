import { useState } from 'react';
import { useStaff } from '../staff/staff-api';
import { useCompanyNumbers } from './company-api';
import { CompanySettingsForm } from './company-settings-form';
import { PhoneNumber, useFormats } from '../../../components/format';
import { requestLeave } from '../settings-form/unsaved-changes';

/** How calls and texts from unknown callers to the company number are routed, and what their notifications carry. */
export function CompanyNumberPage() {
  const numbers = useCompanyNumbers();
  const staff = useStaff();
  const [chosen, setChosen] = useState<string | null>(null);
  const formats = useFormats();
  if (numbers.isPending || staff.isPending) return <p>Loading…</p>;
  if (numbers.isError) return <p className="error">The company number could not be loaded: {numbers.error.message}</p>;
  if (staff.isError) return <p className="error">The staff list could not be loaded: {staff.error.message}</p>;
  if (numbers.data.length === 0)
    return (
      <p className="panel muted">Your organisation has no company number yet. Ask your account manager for one.</p>
    );
  const number = numbers.data.find((n) => n.id === chosen) ?? numbers.data[0]!;

  return (
    <div className="admin-page">
      <div className="row details-header">
        <h2>
          <PhoneNumber value={number.number} />
          {number.displayName && <span className="muted"> · {number.displayName}</span>}
        </h2>
        {numbers.data.length > 1 && (
          <label>
            Company number
            <select
              value={number.id}
              onChange={(e) => {
                const next = e.target.value;
                requestLeave(() => setChosen(next));
              }}
            >
              {numbers.data.map((n) => (
                <option key={n.id} value={n.id}>
                  {formats.phone(n.number)} {n.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted">
        Calls from existing contacts ring the contact's primary agent. These settings decide where everyone else goes.
      </p>
      <CompanySettingsForm key={number.id} number={number} staff={staff.data} />
    </div>
  );
}
