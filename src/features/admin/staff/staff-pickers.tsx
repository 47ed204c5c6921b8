import type { StaffView } from '../../../common/api/staff';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';

type Path = (string | number)[];

/** Tick staff members; with `max`, further boxes are disabled once that many are chosen. */
export function StaffChecklist(props: {
  label: string;
  staff: readonly StaffView[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  max?: number;
  error?: unknown;
  path?: Path;
}) {
  const full = props.max !== undefined && props.selected.length >= props.max;
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((s) => s !== id));
  return (
    <fieldset className="staff-checklist">
      <legend>{props.label}</legend>
      {props.staff.map((s) => {
        const checked = props.selected.includes(s.id);
        return (
          <label key={s.id} className="inline">
            <input
              type="checkbox"
              checked={checked}
              disabled={full && !checked}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.name}
          </label>
        );
      })}
      {props.max !== undefined && (
        <span className="muted">
          {props.selected.length} of {props.max} chosen
        </span>
      )}
      {props.path && <FieldError error={props.error} path={props.path} />}
    </fieldset>
  );
}

/** One staff member of the organisation; `allowNone` adds a "Nobody" choice (value ''). */
export function StaffSelect(props: {
  label: string;
  staff: readonly StaffView[];
  value: string;
  onChange: (id: string) => void;
  allowNone?: string;
  error?: unknown;
  path?: Path;
}) {
  const known = props.value === '' || props.staff.some((s) => s.id === props.value);
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.allowNone !== undefined && <option value="">{props.allowNone}</option>}
        {props.allowNone === undefined && props.value === '' && <option value="">Choose a staff member</option>}
        {!known && <option value={props.value}>Unknown ({props.value})</option>}
        {props.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.extension ? ` (ext. ${s.extension})` : ''}
          </option>
        ))}
      </select>
      {props.path && <ExactFieldError error={props.error} path={props.path} />}
    </label>
  );
}

export function staffName(staff: readonly StaffView[], id: string | null): string {
  if (!id) return '—';
  return staff.find((s) => s.id === id)?.name ?? id;
}
