import type { BusinessHoursView } from '../../../common/api/org';
import type { BusinessHours } from '../../../common/domain/business-hours';
import { TimeZoneSelect, useFormats } from '../../../components/format';
import { Button } from '../../../components/ui/button';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { WeeklyHoursFields } from '../company/weekly-hours-fields';
import { SettingsSection } from '../settings-form/settings-section';
import type { MainPageForm } from './main-page-form';

const MAX_RANGES = 21;

/** The organisation's opening hours: inside them the main number takes its in-hours branch. */
export function BusinessHoursSection({ view, form }: { view: BusinessHoursView; form: MainPageForm }) {
  const formats = useFormats();
  const draft = form.draft.hours;
  const setHours = (next: BusinessHours) => form.setDraft((d) => ({ ...d, hours: next }));
  const windows = draft.windows;
  const setWindows = (next: BusinessHours['windows']) => setHours({ ...draft, windows: next });
  const error = form.error;

  return (
    <SettingsSection
      id="business-hours-title"
      title="Business hours"
      summary={`${draft.timeZone} · ${windows.length} opening ${windows.length === 1 ? 'range' : 'ranges'}`}
      defaultOpen
    >
      <p className="muted">
        The organisation's opening hours: inside them calls to the main number take the in-hours branch, outside them
        the out-of-hours branch.{' '}
        {view.updatedAt !== null &&
          `Last updated ${formats.dateTime(view.updatedAt)} by ${view.updatedBy ?? 'unknown'}.`}
      </p>
      <label>
        Time zone
        <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => setHours({ ...draft, timeZone })} />
        <FieldError error={error} path={['timeZone']} />
      </label>
      {windows.length === 0 && <p className="muted">No opening hours: every call takes the out-of-hours branch.</p>}
      {windows.map((hours, index) => (
        <div key={index} className="row hours-row">
          <WeeklyHoursFields
            legend={`Opening hours ${index + 1}`}
            hours={hours}
            onChange={(h) => setWindows(windows.map((w, i) => (i === index ? h : w)))}
            error={error}
            path={['windows', index]}
          />
          <Button tone="danger" onClick={() => setWindows(windows.filter((_, i) => i !== index))}>
            Remove opening hours {index + 1}
          </Button>
        </div>
      ))}
      <div className="row">
        <Button
          disabled={windows.length >= MAX_RANGES}
          onClick={() => setWindows([...windows, { days: ['sat'], start: '10:00', end: '14:00' }])}
        >
          Add opening hours
        </Button>
      </div>
      <ExactFieldError error={error} path={['windows']} />
    </SettingsSection>
  );
}
