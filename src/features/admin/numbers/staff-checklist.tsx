import type { StaffView } from '../../../common/api/staff';
import { SelectField } from './select-field';

/**
 * Pick staff by ticking them. The chosen order is kept (new picks go last), because a sequential
 * group rings its members in that order.
 */
export function StaffChecklist(props: {
  label: string;
  staff: readonly StaffView[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((s) => s !== id));
  return (
    <fieldset className="staff-checklist" disabled={props.disabled}>
      <legend>{props.label}</legend>
      {props.staff.map((s) => (
        <label key={s.id} className="inline">
          <input
            type="checkbox"
            checked={props.selected.includes(s.id)}
            onChange={(e) => toggle(s.id, e.target.checked)}
          />
          {s.name}
        </label>
      ))}
    </fieldset>
  );
}

/** One staff member from the organisation's list. */
export function StaffSelect(props: {
  label: string;
  staff: readonly StaffView[];
  value: string;
  onChange: (id: string) => void;
}) {
  const known = props.staff.some((s) => s.id === props.value);
  return (
    <SelectField label={props.label} value={props.value} onChange={props.onChange}>
      {!known && (
        <option value={props.value}>{props.value ? `Unknown (${props.value})` : 'Choose a staff member'}</option>
      )}
      {props.staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
          {s.extension ? ` (ext. ${s.extension})` : ''}
        </option>
      ))}
    </SelectField>
  );
}
