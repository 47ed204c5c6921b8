import { FieldError } from '../../../components/ui/field-error';

/** A whole number of seconds to ring (5–300); an empty field is sent as is and refused by the server. */
export function SecondsField(props: {
  label: string;
  value: number;
  onChange: (seconds: number) => void;
  error: unknown;
  path: (string | number)[];
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={5}
        max={300}
        value={Number.isFinite(props.value) ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <FieldError error={props.error} path={props.path} />
    </label>
  );
}
