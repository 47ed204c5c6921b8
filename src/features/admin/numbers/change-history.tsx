import { DateTime } from '../../../components/format';
import { useNumberChanges } from './numbers-api';

const sectionLabels: Record<string, string> = {
  basic: 'Basic information',
  routing: 'Routing settings',
  company: 'Company number',
  main: 'Main number',
  pin: 'Voicemail PIN',
};

/** Who changed what and when, newest first. */
export function ChangeHistory({ numberId }: { numberId: string }) {
  const changes = useNumberChanges(numberId);
  return (
    <section className="panel number-section" aria-labelledby="changes-title">
      <h3 id="changes-title">Change history</h3>
      {changes.isPending && <p>Loading…</p>}
      {changes.isError && <p className="error">The change history could not be loaded: {changes.error.message}</p>}
      {changes.data?.length === 0 && <p className="muted">No changes since the number was set up.</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="change-list">
          {changes.data.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{sectionLabels[c.section] ?? c.section}</strong> · {c.changedBy.name} ·{' '}
                <DateTime at={c.changedAt} />
              </div>
              <div className="muted">{c.summary}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
