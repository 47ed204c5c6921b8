import type { AdditionalPhone, Contact, ContactItemType } from './contact';

export interface DialEntry {
  number: string;
  label: string;
  /** Seconds after the previous number before this one is dialled (0 for the primary phone). */
  delaySeconds: number;
}

/** Additional phones by their item type's `orderBy`, ties by type name; untyped phones last, in list order. */
export function orderAdditionalPhones(phones: AdditionalPhone[], itemTypes: ContactItemType[]): AdditionalPhone[] {
  const typeOf = (phone: AdditionalPhone) => itemTypes.find((type) => type.id === phone.itemTypeId);
  return phones
    .map((phone, index) => ({ phone, index, type: typeOf(phone) }))
    .sort((a, b) => {
      if (a.type && b.type) {
        return a.type.orderBy - b.type.orderBy || a.type.name.localeCompare(b.type.name) || a.index - b.index;
      }
      if (a.type) return -1;
      if (b.type) return 1;
      return a.index - b.index;
    })
    .map((entry) => entry.phone);
}

/** Sequential dialling of a contact: the primary phone, then the additional phones in priority order. */
export function contactDialOrder(contact: Contact, itemTypes: ContactItemType[], delaySeconds: number): DialEntry[] {
  const labelOf = (phone: AdditionalPhone) =>
    itemTypes.find((type) => type.id === phone.itemTypeId)?.name ?? phone.description ?? 'Other';
  return [
    { number: contact.primaryPhone, label: 'Primary', delaySeconds: 0 },
    ...orderAdditionalPhones(contact.additionalPhones, itemTypes).map((phone) => ({
      number: phone.number,
      label: labelOf(phone),
      delaySeconds,
    })),
  ];
}
