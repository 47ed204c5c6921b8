import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/field-error';
import { useDeleteItemType, useItemTypes } from './contacts-api';
import { ItemTypeFields } from './item-type-fields';

/** Categories of additional phones; lower "order by" is dialled first, ties by name, untyped phones last. */
export function ItemTypesSection() {
  const types = useItemTypes();
  const remove = useDeleteItemType();
  const [editing, setEditing] = useState<string | null>(null);
  if (types.isPending) return <p>Loading item types…</p>;
  if (types.isError) return <p className="error">The item types could not be loaded: {types.error.message}</p>;

  return (
    <section className="panel item-types" aria-labelledby="item-types-title">
      <h2 id="item-types-title">Contact item types</h2>
      <p className="muted">
        Additional phones are dialled by their type's order (lowest first, ties by name); phones without a type come
        last.
      </p>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Order by</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {types.data.map((t) =>
            editing === t.id ? (
              <tr key={t.id} data-item-type={t.id}>
                <td colSpan={3}>
                  <ItemTypeFields type={t} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={t.id} data-item-type={t.id}>
                <td>{t.name}</td>
                <td>{t.orderBy}</td>
                <td className="row">
                  <Button onClick={() => setEditing(t.id)}>Edit</Button>
                  <ConfirmDialog
                    title={`Delete the item type ${t.name}?`}
                    description="Phones of this type stay on their contacts without a type, so they are dialled last."
                    confirmLabel="Delete item type"
                    onConfirm={() => remove.mutate(t.id)}
                    trigger={<Button tone="danger">Delete</Button>}
                  />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <FormError error={remove.error} />
      <h3>Add an item type</h3>
      <ItemTypeFields type={null} />
    </section>
  );
}
