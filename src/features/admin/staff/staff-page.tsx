import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { AddStaffForm } from './add-staff-form';
import { useStaff } from './staff-api';
import { StaffRow } from './staff-row';
import { TableScroll } from '../../../components/ui/table-scroll';

/** The organisation's staff: who they are, their role and extension; admins add people and change roles. */
export function StaffPage() {
  const staff = useStaff();
  const [adding, setAdding] = useState(false);
  if (staff.isPending) return <p>Loading staff…</p>;
  if (staff.isError) return <p className="error">The staff list could not be loaded: {staff.error.message}</p>;
  const sorted = [...staff.data].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="admin-page">
      <section className="panel staff-list" aria-labelledby="staff-title">
        <div className="row section-header">
          <h2 id="staff-title">Staff</h2>
          {!adding && (
            <Button tone="primary" onClick={() => setAdding(true)}>
              Add staff member
            </Button>
          )}
        </div>
        <TableScroll label="Staff table">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Extension</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((member) => (
                <StaffRow key={member.id} member={member} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      {adding && <AddStaffForm onDone={() => setAdding(false)} />}
    </div>
  );
}
