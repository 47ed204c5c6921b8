import { dayLabels, weekdays, type Weekday, type WeeklyHours } from '../../../common/domain/weekly-hours';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';

type Props = {
  legend: string;
  hours: WeeklyHours;
  onChange: (h: WeeklyHours) => void;
  error: unknown;
  path: (string | number)[];
};

/** Days of the week and a time range; an end before the start runs past midnight. Errors about the range as a whole (overlaps) show under it. */
export function WeeklyHoursFields({ legend, hours, onChange, error, path }: Props) {
  const toggleDay = (day: Weekday, on: boolean) =>
    onChange({ ...hours, days: weekdays.filter((d) => (d === day ? on : hours.days.includes(d))) });
  return (
    <fieldset className="weekly-hours">
      <legend>{legend}</legend>
      <div className="days">
        {weekdays.map((day) => (
          <label key={day} className="inline">
            <input
              type="checkbox"
              checked={hours.days.includes(day)}
              onChange={(e) => toggleDay(day, e.target.checked)}
            />
            {dayLabels[day]}
          </label>
        ))}
      </div>
      <FieldError error={error} path={[...path, 'days']} />
      <div className="row">
        <label>
          From
          <input type="time" value={hours.start} onChange={(e) => onChange({ ...hours, start: e.target.value })} />
          <FieldError error={error} path={[...path, 'start']} />
        </label>
        <label>
          To
          <input type="time" value={hours.end} onChange={(e) => onChange({ ...hours, end: e.target.value })} />
          <FieldError error={error} path={[...path, 'end']} />
        </label>
      </div>
      <ExactFieldError error={error} path={path} />
    </fieldset>
  );
}
