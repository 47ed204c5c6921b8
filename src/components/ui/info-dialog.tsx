import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';

export type InfoDialogProps = {
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
};

const loadBody = () => import('./info-dialog-body');
const Body = lazy(async () => ({ default: (await loadBody()).InfoDialogBody }));

/**
 * A dialog that only shows something (help, a list), opened and closed by its owner; Escape and Close close it.
 * Its radix-ui code is not in the first load: it is fetched once the page is up, and the dialog is rendered
 * from its first opening on.
 */
export function InfoDialog(props: InfoDialogProps) {
  const [opened, setOpened] = useState(props.open);
  useEffect(() => void loadBody(), []);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <Body {...props} />
    </Suspense>
  );
}
