import { useState } from 'react';
import type { Role } from '../../../common/auth';
import type { StaffView } from '../../../common/api/staff';
import { Button } from '../../../components/ui/button';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { roleLabels, roles } from './roles';
import { useUpdateStaff } from './staff-api';

/** One staff member; Edit turns the role and extension into fields saved together. */
export function StaffRow({ member }: { member: StaffView }) {
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const [extension, setExtension] = useState(member.extension ?? '');
  const update = useUpdateStaff(member.id);

  const start = () => {
    setRole(member.role);
    setExtension(member.extension ?? '');
    update.reset();
    setEditing(true);
  };
  const save = () => {
    const ext = extension.trim() === '' ? null : extension.trim();
    const patch = {
      ...(role !== member.role ? { role } : {}),
      ...(ext !== member.extension ? { extension: ext } : {}),
    };
    if (Object.keys(patch).length === 0) return setEditing(false);
    update.mutate(patch, { onSuccess: () => setEditing(false) });
  };

  if (!editing) {
    return (
      <tr data-staff={member.id}>
        <td>{member.name}</td>
        <td>{member.email}</td>
        <td>{roleLabels[member.role]}</td>
        <td>{member.extension ?? <span className="muted">—</span>}</td>
        <td>
          <Button onClick={start}>Edit</Button>
        </td>
      </tr>
    );
  }
  return (
    <tr data-staff={member.id} className="editing">
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
          <FieldError error={update.error} path={['role']} />
        </label>
      </td>
      <td>
        <label>
          Extension
          <input inputMode="numeric" value={extension} onChange={(e) => setExtension(e.target.value)} />
          <FieldError error={update.error} path={['extension']} />
        </label>
      </td>
      <td>
        <div className="row">
          <Button tone="primary" onClick={save} disabled={update.isPending}>
            Save
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </div>
        {!update.isPending && <UnplacedFormError error={update.error} shown={[['role'], ['extension']]} />}
      </td>
    </tr>
  );
}
