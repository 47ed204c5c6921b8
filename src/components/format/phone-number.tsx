import type { ClipboardEvent } from 'react';
import { useFormats } from './formats-context';

/**
 * A phone number as the agent reads it (national format for the organisation's country), with the E.164 form on
 * hover and in the clipboard when the number itself is copied. Extensions and withheld callers show as they are.
 */
export function PhoneNumber({ value, className }: { value: string; className?: string }) {
  const { text, e164 } = useFormats().phoneText(value);
  if (!e164) return <span className={className}>{text}</span>;
  const copy = (e: ClipboardEvent<HTMLSpanElement>) => {
    const selected = window.getSelection()?.toString().trim() ?? '';
    // Only when the selection is (part of) the number: copying a whole row keeps the row's text.
    if (selected === '' || !text.includes(selected)) return;
    e.clipboardData.setData('text/plain', e164);
    e.preventDefault();
  };
  return (
    <span
      className={className ? `phone-number ${className}` : 'phone-number'}
      title={e164}
      data-e164={e164}
      onCopy={copy}
    >
      {text}
    </span>
  );
}
