import { ToggleGroup } from 'radix-ui';
import type { SegmentedChoiceProps } from './segmented-choice';

/** The choice with radix ToggleGroup's keyboard handling (arrow keys move between the options), in its own chunk. */
export function SegmentedChoiceRadix<T extends string>(props: SegmentedChoiceProps<T>) {
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
