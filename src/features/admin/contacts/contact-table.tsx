import type { StaffView } from '../../../common/api/staff';
import { orderAdditionalPhones } from '../../../common/domain/contact-dial-order';
import type { Contact, ContactItemType } from '../../../common/domain/contact';
import { Button } from '../../../components/ui/button';
import { PhoneNumber } from '../../../components/format';
import { staffName } from '../staff/staff-pickers';
import { TableScroll } from '../../../components/ui/table-scroll';

type Props = {
  contacts: readonly Contact[];
  staff: readonly StaffView[];
  itemTypes: readonly ContactItemType[];
  onEdit: (c: Contact) => void;
};

/** Contacts with every phone in dialling order (typed by priority, untyped last). */
export function ContactTable({ contacts, staff, itemTypes, onEdit }: Props) {
  const typeName = (id: string | undefined) => itemTypes.find((t) => t.id === id)?.name;
  return (
    <TableScroll label="Contacts table">
      <table className="contact-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Phones</th>
            <th>Primary agent</th>
            <th>Source</th>
            <th>Tags</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} data-contact={c.id}>
              <td>{c.name}</td>
              <td>
                <ul className="phone-list">
                  <li>
                    <PhoneNumber value={c.primaryPhone} /> <span className="muted">primary</span>
                  </li>
                  {orderAdditionalPhones(c.additionalPhones, [...itemTypes]).map((p) => (
                    <li key={p.number}>
                      <PhoneNumber value={p.number} />{' '}
                      <span className="muted">
                        {[typeName(p.itemTypeId), p.description].filter(Boolean).join(' · ') || 'other'}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{staffName(staff, c.primaryAgentId)}</td>
              <td>{c.source ?? <span className="muted">—</span>}</td>
              <td>
                {c.tags.map((t) => (
                  <span key={t} className="tag">
                    {t}
                  </span>
                ))}
              </td>
              <td>
                <Button onClick={() => onEdit(c)}>Edit</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
