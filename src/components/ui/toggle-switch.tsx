import { lazy, Suspense } from 'react';

export type ToggleSwitchProps = {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
};

const Radix = lazy(async () => ({ default: (await import('./toggle-switch-radix')).ToggleSwitchRadix }));

/**
 * An on/off setting named by its visible label (radix Switch: role "switch", aria-checked). Its radix-ui code is not
 * in the first load: until it has arrived (just after the first render) the same switch answers clicks.
 */
export function ToggleSwitch(props: ToggleSwitchProps) {
  return (
    <Suspense fallback={<PlainToggleSwitch {...props} />}>
      <Radix {...props} />
    </Suspense>
  );
}

/** What radix renders. */
function PlainToggleSwitch(props: ToggleSwitchProps) {
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
