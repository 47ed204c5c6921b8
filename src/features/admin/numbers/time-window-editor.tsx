import type { StaffView } from '../../../common/api/staff';
import type { TimeWindow } from '../../../common/domain/routing-rule';
import { dayLabels, weekdays, type Weekday } from '../../../common/domain/weekly-hours';
import { FieldError } from '../../../components/ui/field-error';
import { DestinationEditor } from './destination-editor';
import { RingTimeoutField } from './ring-timeout-field';

type Props = {
  window: TimeWindow;
  onChange: (w: TimeWindow) => void;
  staff: readonly StaffView[];
  voicemailOn: boolean;
  path: (string | number)[];
  error: unknown;
};

/** One weekly window: name, days, start and end (an end before the start runs past midnight), and its destination. */
export function TimeWindowEditor({ window: w, onChange, staff, voicemailOn, path, error }: Props) {
  const toggleDay = (day: Weekday, on: boolean) =>
    onChange({ ...w, days: weekdays.filter((d) => (d === day ? on : w.days.includes(d))) });
  return (
    <>
      <label>
        Name
        <input
          value={w.name ?? ''}
          placeholder="e.g. Office hours"
          onChange={(e) => onChange({ ...w, name: e.target.value === '' ? undefined : e.target.value })}
        />
        <FieldError error={error} path={[...path, 'name']} />
      </label>
      <fieldset className="days">
        <legend>Days</legend>
        {weekdays.map((day) => (
          <label key={day} className="inline">
            <input type="checkbox" checked={w.days.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
            {dayLabels[day]}
          </label>
        ))}
        <FieldError error={error} path={[...path, 'days']} />
      </fieldset>
      <div className="row">
        <label>
          Start
          <input type="time" value={w.start} onChange={(e) => onChange({ ...w, start: e.target.value })} />
          <FieldError error={error} path={[...path, 'start']} />
        </label>
        <label>
          End
          <input type="time" value={w.end} onChange={(e) => onChange({ ...w, end: e.target.value })} />
          <FieldError error={error} path={[...path, 'end']} />
        </label>
      </div>
      <DestinationEditor
        value={w.destination}
        onChange={(destination) => onChange({ ...w, destination })}
        staff={staff}
        voicemailOn={voicemailOn}
        path={[...path, 'destination']}
        error={error}
      />
      <RingTimeoutField
        value={w.ringTimeoutSeconds}
        onChange={(ringTimeoutSeconds) => onChange({ ...w, ringTimeoutSeconds })}
        error={error}
        path={path}
      />
    </>
  );
}
