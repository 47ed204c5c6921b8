import type { Contact } from '../../../common/domain/contact';

const digits = (s: string) => s.replace(/\D/g, '');

/** Contacts whose name, source, tags or any phone match the words typed (phones by their digits, in any format). */
export function searchContacts(contacts: readonly Contact[], query: string): Contact[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...contacts];
  return contacts.filter((c) => {
    const text = [c.name, c.source ?? '', ...c.tags].join(' ').toLowerCase();
    const phones = [c.primaryPhone, ...c.additionalPhones.map((p) => p.number)].map(digits);
    const queryDigits = digits(query).replace(/^0+/, '');
    if (queryDigits.length >= 4 && phones.some((p) => p.includes(queryDigits))) return true;
    return words.every((w) => text.includes(w));
  });
}
