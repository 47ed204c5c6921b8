import { useStore } from 'zustand';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { answerLeave, unsavedChanges } from './unsaved-changes';

/** "Leave without saving?" when an in-app way out would drop unsaved settings. Mounted once, where the forms are. */
export function UnsavedChangesDialog() {
  const pending = useStore(unsavedChanges, (s) => s.pendingLeave !== null);
  return (
    <ConfirmDialog
      open={pending}
      onOpenChange={(open) => !open && answerLeave(false)}
      title="Leave without saving?"
      description="Your changes on this page are not saved. Stay to save them, or leave and lose them."
      cancelLabel="Stay"
      confirmLabel="Leave without saving"
      onConfirm={() => answerLeave(true)}
    />
  );
}
