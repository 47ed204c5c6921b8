import { lazy, Suspense, type ReactElement } from 'react';

type Option<T extends string> = { value: T; label: string };

export type SegmentedChoiceProps<T extends string> = {
  label: string;
  value: T | undefined;
  options: Option<T>[];
  onChange: (v: T) => void;
  disabled?: boolean;
};

const Radix = lazy(async () => ({ default: (await import('./segmented-choice-radix')).SegmentedChoiceRadix })) as <
  T extends string,
>(
  props: SegmentedChoiceProps<T>,
) => ReactElement;

/**
 * A single choice among a few, shown as pressed buttons (radix ToggleGroup: a radio group). Its radix-ui code is not
 * in the first load: until it has arrived (just after the first render) the same buttons answer clicks, and the
 * arrow keys come with it.
 */
export function SegmentedChoice<T extends string>(props: SegmentedChoiceProps<T>) {
  return (
    <Suspense fallback={<PlainSegmentedChoice {...props} />}>
      <Radix {...props} />
    </Suspense>
  );
}

/** What radix renders, without its keyboard handling. */
function PlainSegmentedChoice<T extends string>(props: SegmentedChoiceProps<T>) {
  return (
    <div role="radiogroup" className="segmented" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === props.value}
          data-state={o.value === props.value ? 'on' : 'off'}
          className="btn"
          disabled={props.disabled}
          onClick={() => o.value !== props.value && props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
