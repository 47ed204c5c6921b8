import { useEffect, useState } from 'react';

export type ToggleSwitchProps = {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
};

let radix: typeof import('./toggle-switch-radix') | undefined;
/** The radix-ui code, fetched as soon as this module is evaluated (just after the first load): see SegmentedChoice. */
export const toggleSwitchReady: Promise<void> = import('./toggle-switch-radix').then((m) => void (radix = m));

/**
 * An on/off setting named by its visible label (radix Switch: role "switch", aria-checked). Its radix-ui code is not
 * in the first load: a switch shown before it has arrived is the same switch, answering clicks.
 */
export function ToggleSwitch(props: ToggleSwitchProps) {
  const [, arrived] = useState(radix !== undefined);
  useEffect(() => {
    if (!radix) void toggleSwitchReady.then(() => arrived(true));
  }, []);
  return radix ? <radix.ToggleSwitchRadix {...props} /> : <PlainToggleSwitch {...props} />;
}

/** What radix renders. */
export function PlainToggleSwitch(props: ToggleSwitchProps) {
  const state = props.checked ? 'checked' : 'unchecked';
  return (
    <label className="inline toggle-switch">
      <button
        type="button"
        role="switch"
        aria-checked={props.checked}
        data-state={state}
        className="switch"
        disabled={props.disabled}
        onClick={() => props.onChange(!props.checked)}
      >
        <span className="switch-thumb" data-state={state} />
      </button>
      <span>{props.label}</span>
    </label>
  );
}
