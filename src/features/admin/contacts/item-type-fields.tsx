import { useState, type FormEvent } from 'react';
import type { ContactItemType } from '../../../common/domain/contact';
import { Button } from '../../../components/ui/button';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { useSaveItemType } from './contacts-api';

/** Name and priority of an item type; adds one (`type` null) or changes it. */
export function ItemTypeFields({ type, onDone }: { type: ContactItemType | null; onDone?: () => void }) {
  const [name, setName] = useState(type?.name ?? '');
  const [orderBy, setOrderBy] = useState(String(type?.orderBy ?? ''));
  const save = useSaveItemType(type?.id ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { name, orderBy: orderBy.trim() === '' ? Number.NaN : Number(orderBy) },
      {
        onSuccess: () => {
          if (!type) {
            setName('');
            setOrderBy('');
          }
          onDone?.();
        },
      },
    );
  };
  return (
    <form className="row item-type-fields" aria-label={type ? `Edit ${type.name}` : 'New item type'} onSubmit={submit}>
      <label>
        Name
        <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        <FieldError error={save.error} path={['name']} />
      </label>
      <label>
        Order by
        <input type="number" min={0} step={1} value={orderBy} onChange={(e) => setOrderBy(e.target.value)} />
        <FieldError error={save.error} path={['orderBy']} />
      </label>
      <Button type="submit" tone="primary" disabled={save.isPending}>
        {type ? 'Save' : 'Add item type'}
      </Button>
      {onDone && <Button onClick={onDone}>Cancel</Button>}
      {!save.isPending && <UnplacedFormError error={save.error} shown={[['name'], ['orderBy']]} />}
    </form>
  );
}
