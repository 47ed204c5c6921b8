import { Dialog } from 'radix-ui';
import { useRef } from 'react';
import { Button } from './button';
import type { InfoDialogProps } from './info-dialog';

/**
 * The dialog itself (radix-ui), in its own chunk: see `InfoDialog`. It has no trigger of its own (its owner opens
 * it, from a button or a key), so on close it gives focus back to whatever had it when it opened.
 */
export function InfoDialogBody(props: InfoDialogProps) {
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            opener.current?.focus();
          }}
        >
          <Dialog.Title>{props.title}</Dialog.Title>
          {props.children}
          <div className="row">
            <Dialog.Close asChild>
              <Button>Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
