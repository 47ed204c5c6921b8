import { PhoneNumber, useFormats } from '../../components/format';
import { Button } from '../../components/ui/button';
import { useMyBindings, useReleaseBinding } from './engagement-api';

const DAY = 86_400_000;

/** My sticky and engagement bindings: customers whose calls to a number ring me first, until when. */
export function MyBindings() {
  const bindings = useMyBindings();
  const release = useReleaseBinding();
  const formats = useFormats();
  return (
    <section className="panel bindings" aria-label="My customers">
      <h2>My customers</h2>
      {bindings.isPending && <p>Loading…</p>}
      {bindings.isError && <p role="alert">{bindings.error.message}</p>}
      {bindings.data?.length === 0 && (
        <p className="muted">
          No customer is bound to you. Engagement calls and answered calls on sticky numbers bind them.
        </p>
      )}
      <ul>
        {bindings.data?.map((b) => (
          <li key={b.id} data-binding={b.id}>
            <strong>{b.customer.name ?? <PhoneNumber value={b.customer.number} />}</strong> on {b.number.displayName} ·{' '}
            {b.kind} · until {formats.date(b.expiresAt)} ({Math.max(1, Math.ceil((b.expiresAt - Date.now()) / DAY))}{' '}
            days)
            <Button onClick={() => release.mutate(b.id)} disabled={release.isPending}>
              Release
            </Button>
          </li>
        ))}
      </ul>
      {release.isError && <p role="alert">{release.error.message}</p>}
    </section>
  );
}
