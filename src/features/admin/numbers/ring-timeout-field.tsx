import { FieldError } from '../../../components/ui/field-error';

/** Seconds to ring a destination before moving on (5–300). */
export function RingTimeoutField(props: {
  value: number;
  onChange: (seconds: number) => void;
  error: unknown;
  path: (string | number)[];
}) {
  return (
    <label>
      Ring timeout (s)
      <input
        type="number"
        min={5}
        max={300}
        value={Number.isFinite(props.value) ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <FieldError error={props.error} path={[...props.path, 'ringTimeoutSeconds']} />
    </label>
  );
}
