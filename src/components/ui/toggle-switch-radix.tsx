import { Switch } from 'radix-ui';
import type { ToggleSwitchProps } from './toggle-switch';

/** The switch as radix Switch renders it, in its own chunk (see `ToggleSwitch`). */
export function ToggleSwitchRadix(props: ToggleSwitchProps) {
  return (
    <label className="inline toggle-switch">
      <Switch.Root
        className="switch"
        checked={props.checked}
        onCheckedChange={props.onChange}
        disabled={props.disabled}
      >
        <Switch.Thumb className="switch-thumb" />
      </Switch.Root>
      <span>{props.label}</span>
    </label>
  );
}
