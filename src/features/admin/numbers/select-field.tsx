import { useId, type ReactNode } from 'react';

/**
 * A labelled <select>. The label is tied by id rather than wrapped around the select, so the select's
 * accessible name is the label alone, not the label followed by every option's text.
 */
export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
      {props.after}
    </div>
  );
}
