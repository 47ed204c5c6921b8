import { Button } from '../../components/ui/button';

export const dialKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Twelve keys; the caller decides what a press means (append to the number, or send DTMF in a call). */
export function DialPad({ onKey, label }: { onKey: (key: string) => void; label: string }) {
  return (
    <div className="dial-pad" role="group" aria-label={label}>
      {dialKeys.map((k) => (
        <Button key={k} onClick={() => onKey(k)}>
          {k}
        </Button>
      ))}
    </div>
  );
}
