import { useId, useState, type FormEvent } from 'react';
import type { NumberView } from '../../../common/api/numbers';
import type { StaffView } from '../../../common/api/staff';
import { Button } from '../../../components/ui/button';
import { FieldError } from '../../../components/ui/field-error';
import { DryRunResult } from './dry-run-result';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { staffNames } from './format';
import { useDryRun } from './numbers-api';
import { zonedTimeToIso } from './zoned-time';

/** "Who would ring?": tries the saved routing with a caller and a time, using live presence (or everyone available). */
export function DryRunPanel({ number, staff }: { number: NumberView; staff: readonly StaffView[] }) {
  const [caller, setCaller] = useState('');
  const [when, setWhen] = useState('');
  const [allAvailable, setAllAvailable] = useState(false);
  const run = useDryRun();
  const titleId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = when ? (zonedTimeToIso(when, number.timeZone) ?? undefined) : undefined;
    const presence = allAvailable ? Object.fromEntries(staff.map((s) => [s.id, 'available' as const])) : undefined;
    run.mutate({ numberId: number.id, caller, at, presence });
  };

  return (
    <section className="panel number-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Who would ring?</h3>
      <p className="muted">Tries the saved settings; nothing is changed and no call is made.</p>
      <form className="dry-run-form" onSubmit={submit}>
        <label>
          Caller number
          <input value={caller} placeholder="e.g. +44 7911 123456" onChange={(e) => setCaller(e.target.value)} />
          <FieldError error={run.error} path={['caller']} />
        </label>
        <label>
          Date and time ({number.timeZone})
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
          <span className="muted">Leave empty for now.</span>
          <FieldError error={run.error} path={['at']} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={allAvailable} onChange={(e) => setAllAvailable(e.target.checked)} />
          Assume all staff are available
        </label>
        <Button type="submit" tone="primary" disabled={run.isPending}>
          Who would ring?
        </Button>
      </form>
      <UnplacedFormError error={run.error} shown={[['caller'], ['at']]} />
      {run.data && <DryRunResult result={run.data} nameOf={staffNames(staff)} timeZone={number.timeZone} />}
    </section>
  );
}
