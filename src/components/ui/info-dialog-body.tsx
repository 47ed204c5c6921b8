import { Dialog } from 'radix-ui';
import { Button } from './button';
import type { InfoDialogProps } from './info-dialog';

/** The dialog itself (radix-ui), in its own chunk: see `InfoDialog`. */
export function InfoDialogBody(props: InfoDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
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
