import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services-context';
import { MIN_PASSWORD_LENGTH } from '../../common/domain/password-policy';
import { Button } from '../../components/ui/button';
import { FieldError, FormError } from '../../components/ui/field-error';
import { FormDialog } from '../../components/ui/form-dialog';
import { ApiRequestError } from '../../common/api-request-error';
import { changePassword, fetchSipCredentials } from './auth-api';

/**
 * The person's own password change. Other browsers signed in as them are signed out; this one stays, and its
 * phone takes fresh SIP credentials at once (the old ones are refused after a change).
 */
export function ChangePasswordDialog({ hasPhone }: { hasPhone: boolean }) {
  const { phone } = useServices();
  const [open, setOpen] = useState(false);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: async () => {
      await changePassword({ currentPassword, newPassword });
      if (hasPhone) await phone.updateCredentials(await fetchSipCredentials());
    },
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setDone(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    change.mutate();
  };
  const named = change.error instanceof ApiRequestError && change.error.error.path;
  return (
    <FormDialog
      trigger={<Button>Change password</Button>}
      title="Change password"
      open={open}
      onOpenChange={(o) => (setOpen(o), o && setDone(false))}
    >
      <form onSubmit={submit} className="stack">
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <FieldError error={change.error} path={['currentPassword']} />
        </label>
        <label>
          New password (at least {MIN_PASSWORD_LENGTH} characters, not a common one)
          <input
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
          <FieldError error={change.error} path={['newPassword']} />
        </label>
        {!named && <FormError error={change.error} />}
        {done && <p role="status">Password changed. Other browsers signed in as you have been signed out.</p>}
        <div className="row">
          <Button type="button" onClick={() => setOpen(false)}>
            Close
          </Button>
          <Button tone="primary" type="submit" disabled={change.isPending || !currentPassword || !newPassword}>
            Change password
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
