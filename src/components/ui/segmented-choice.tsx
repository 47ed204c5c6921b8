import { useEffect, useState } from 'react';

type Option<T extends string> = { value: T; label: string };

export type SegmentedChoiceProps<T extends string> = {
  label: string;
  value: T | undefined;
  options: Option<T>[];
  onChange: (v: T) => void;
  disabled?: boolean;
};

let radix: typeof import('./segmented-choice-radix') | undefined;
/**
 * The radix-ui code, fetched as soon as this module is evaluated (just after the first load), not when a choice first
 * renders: a choice mounted once it is in is radix from the start and never swaps under a click.
 */
export const segmentedChoiceReady: Promise<void> = import('./segmented-choice-radix').then((m) => void (radix = m));

/**
 * A single choice among a few, shown as pressed buttons (radix ToggleGroup: a radio group). Its radix-ui code is not
 * in the first load: a choice shown before it has arrived is the same buttons, answering clicks, and gains the arrow
 * keys when it comes.
 */
export function SegmentedChoice<T extends string>(props: SegmentedChoiceProps<T>) {
  const [, arrived] = useState(radix !== undefined);
  useEffect(() => {
    if (!radix) void segmentedChoiceReady.then(() => arrived(true));
  }, []);
  return radix ? <radix.SegmentedChoiceRadix {...props} /> : <PlainSegmentedChoice {...props} />;
}

/** What radix renders, without its keyboard handling. */
export function PlainSegmentedChoice<T extends string>(props: SegmentedChoiceProps<T>) {
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
