import type { BusinessHoursView } from '../../../common/api/org';
import type { BusinessHours } from '../../../common/domain/business-hours';
import { Button } from '../../../components/ui/button';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { TimeZoneSelect, useFormats } from '../../../components/format';
import { useDraft } from '../company/use-draft';
import { WeeklyHoursFields } from '../company/weekly-hours-fields';
import { useSaveBusinessHours } from './main-api';

const MAX_RANGES = 21;

/** The organisation's opening hours: inside them the main number takes its in-hours branch. */
export function BusinessHoursSection({ view }: { view: BusinessHoursView }) {
  const { draft, setDraft, dirty, discard } = useDraft<BusinessHours>(view.businessHours);
  const save = useSaveBusinessHours();
  const formats = useFormats();
  const windows = draft.windows;
  const setWindows = (next: BusinessHours['windows']) => setDraft({ ...draft, windows: next });

  return (
    <section className="panel number-section" aria-labelledby="business-hours-title">
      <h3 id="business-hours-title">Business hours</h3>
      <p className="muted">
        The organisation's opening hours: inside them calls to the main number take the in-hours branch, outside them the out-of-hours branch. {view.updatedAt !== null && `Last updated ${formats.dateTime(view.updatedAt)} by ${view.updatedBy ?? 'unknown'}.`}
      </p>
      <label>
        Time zone
        <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} />
        <FieldError error={save.error} path={['timeZone']} />
      </label>
      {windows.length === 0 && <p className="muted">No opening hours: every call takes the out-of-hours branch.</p>}
      {windows.map((hours, index) => (
        <div key={index} className="row hours-row">
          <WeeklyHoursFields
            legend={`Opening hours ${index + 1}`}
            hours={hours}
            onChange={(h) => setWindows(windows.map((w, i) => (i === index ? h : w)))}
            error={save.error}
            path={['windows', index]}
          />
          <Button tone="danger" onClick={() => setWindows(windows.filter((_, i) => i !== index))}>
            Remove opening hours {index + 1}
          </Button>
        </div>
      ))}
      <div className="row">
        <Button disabled={windows.length >= MAX_RANGES} onClick={() => setWindows([...windows, { days: ['sat'], start: '10:00', end: '14:00' }])}>
          Add opening hours
        </Button>
      </div>
      <ExactFieldError error={save.error} path={['windows']} />
      <ConfirmedSaveBar
        what="business hours"
        description="Calls to the main number follow the new opening hours from the next call."
        dirty={dirty}
        pending={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        shown={[['timeZone'], ['windows']]}
        onSave={() => save.mutate(draft, { onSuccess: (v) => setDraft(v.businessHours) })}
        onDiscard={() => {
          discard();
          save.reset();
        }}
      />
    </section>
  );
}
