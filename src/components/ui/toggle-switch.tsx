import { Switch } from 'radix-ui';

/** An on/off setting named by its visible label (radix Switch: role "switch", aria-checked). */
export function ToggleSwitch(props: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
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
