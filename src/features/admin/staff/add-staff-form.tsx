import { useState, type FormEvent } from 'react';
import type { Role } from '../../../common/auth';
import { Button } from '../../../components/ui/button';
import { FieldError } from '../../../components/ui/field-error';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { roleLabels, roles } from './roles';
import { useAddStaff } from './staff-api';

const empty = { name: '', email: '', role: 'agent' as Role, extension: '', password: '' };
const fields = ['name', 'email', 'role', 'extension', 'password'] as const;

/** A new staff member: name, email, role, extension and the password they first sign in with. */
export function AddStaffForm({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState(empty);
  const add = useAddStaff();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { ...form, extension: form.extension.trim() === '' ? null : form.extension.trim() },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="panel staff-form" aria-labelledby="add-staff-title" onSubmit={submit}>
      <h3 id="add-staff-title">Add staff member</h3>
      <label>
        Name
        <input value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <FieldError error={add.error} path={['name']} />
      </label>
      <label>
        Email
        <input type="email" value={form.email} onChange={(e) => set({ email: e.target.value })} />
        <FieldError error={add.error} path={['email']} />
      </label>
      <label>
        Role
        <select value={form.role} onChange={(e) => set({ role: e.target.value as Role })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
        <FieldError error={add.error} path={['role']} />
      </label>
      <label>
        Extension
        <input
          inputMode="numeric"
          placeholder="e.g. 1010 (optional)"
          value={form.extension}
          onChange={(e) => set({ extension: e.target.value })}
        />
        <FieldError error={add.error} path={['extension']} />
      </label>
      <label>
        Initial password
        <input
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => set({ password: e.target.value })}
        />
        <FieldError error={add.error} path={['password']} />
      </label>
      <div className="row">
        <Button type="submit" tone="primary" disabled={add.isPending}>
          Add staff member
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      {!add.isPending && <UnplacedFormError error={add.error} shown={fields.map((f) => [f])} />}
    </form>
  );
}
