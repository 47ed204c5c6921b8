import { ToggleGroup } from 'radix-ui';

type Option<T extends string> = { value: T; label: string };

/** A single choice among a few, shown as pressed buttons (radix ToggleGroup). */
export function SegmentedChoice<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: Option<T>[];
  onChange: (v: T) => void;
  disabled?: boolean;
}) {
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented"
      aria-label={props.label}
      value={props.value ?? ''}
      disabled={props.disabled}
      onValueChange={(v) => v && props.onChange(v as T)}
    >
      {props.options.map((o) => (
        <ToggleGroup.Item key={o.value} value={o.value} className="btn">
          {o.label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
