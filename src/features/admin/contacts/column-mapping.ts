import type { ContactImportRequest } from '../../../common/api/contacts';
import type { ContactItemType } from '../../../common/domain/contact';

/** What one CSV column holds: a contact field, an additional phone (of an item type, or untyped), or nothing. */
export type ColumnTarget =
  'ignore' | 'name' | 'primaryPhone' | 'primaryAgentEmail' | 'source' | 'tags' | 'phone' | `type:${string}`;

const single = ['name', 'primaryPhone', 'primaryAgentEmail', 'source', 'tags'] as const;
type SingleField = (typeof single)[number];

export const fieldLabels: Record<SingleField | 'ignore' | 'phone', string> = {
  ignore: 'Ignore this column',
  name: 'Name',
  primaryPhone: 'Primary phone',
  primaryAgentEmail: 'Primary agent (email)',
  source: 'Source',
  tags: 'Tags (separated by ; or |)',
  phone: 'Additional phone (no type)',
};

export function targetOptions(itemTypes: readonly ContactItemType[]): { value: ColumnTarget; label: string }[] {
  return [
    ...(['ignore', ...single, 'phone'] as const).map((value) => ({ value, label: fieldLabels[value] })),
    ...itemTypes.map((t) => ({ value: `type:${t.id}` as const, label: `Additional phone: ${t.name}` })),
  ];
}

export function targetLabel(target: ColumnTarget, itemTypes: readonly ContactItemType[]): string {
  if (target.startsWith('type:'))
    return `${itemTypes.find((t) => `type:${t.id}` === target)?.name ?? 'Unknown type'} phone`;
  return fieldLabels[target as keyof typeof fieldLabels];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const synonyms: Record<SingleField, string[]> = {
  name: ['name', 'fullname', 'contact', 'contactname'],
  primaryPhone: ['phone', 'primaryphone', 'phonenumber', 'telephone', 'tel'],
  primaryAgentEmail: ['agent', 'agentemail', 'primaryagent', 'primaryagentemail', 'agentsemail', 'owneremail'],
  source: ['source', 'leadsource'],
  tags: ['tags', 'tag', 'labels'],
};

/** A first guess from the header: item-type names ("Office", "Office phone"), usual field names, other "…phone" columns as untyped phones. */
export function guessMapping(header: readonly string[], itemTypes: readonly ContactItemType[]): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return header.map((column) => {
    const key = norm(column);
    const type = itemTypes.find((t) => key === norm(t.name) || key === `${norm(t.name)}phone`);
    const field = single.find((f) => !taken.has(f) && synonyms[f].includes(key));
    const target: ColumnTarget =
      type && !taken.has(`type:${type.id}`)
        ? `type:${type.id}`
        : field
          ? field
          : key.includes('phone')
            ? 'phone'
            : 'ignore';
    if (target !== 'phone' && target !== 'ignore') taken.add(target);
    return target;
  });
}

export type MappingResult = { ok: true; mapping: ContactImportRequest['mapping'] } | { ok: false; problems: string[] };

/** The import request's mapping, or what is wrong with the choices (a required field unmapped, one field chosen twice…). */
export function toImportMapping(
  header: readonly string[],
  targets: readonly ColumnTarget[],
  itemTypes: readonly ContactItemType[],
): MappingResult {
  const problems: string[] = [];
  const columnsFor = (t: ColumnTarget) => header.filter((_, i) => targets[i] === t);
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (targets[i] !== 'ignore') seen.set(norm(h), (seen.get(norm(h)) ?? 0) + 1);
  });
  for (const [key, count] of seen)
    if (count > 1 || key === '')
      problems.push(
        key === ''
          ? 'A used column has no name in the header line.'
          : `Two used columns have the same name (${header.find((h) => norm(h) === key)}); rename one in the header line.`,
      );
  const one = (field: SingleField, required: boolean): string | undefined => {
    const columns = columnsFor(field);
    if (columns.length > 1) problems.push(`Only one column can be ${fieldLabels[field]} (now ${columns.join(', ')}).`);
    if (required && columns.length === 0)
      problems.push(`Choose the column with the ${fieldLabels[field].toLowerCase()}.`);
    return columns[0];
  };
  const name = one('name', true);
  const primaryPhone = one('primaryPhone', true);
  const optional = {
    primaryAgentEmail: one('primaryAgentEmail', false),
    source: one('source', false),
    tags: one('tags', false),
  };
  const additionalPhones = header.flatMap((column, i) => {
    const t = targets[i]!;
    if (t === 'phone') return [{ column, itemTypeId: null }];
    if (t.startsWith('type:'))
      return [{ column, itemTypeId: itemTypes.find((type) => `type:${type.id}` === t)?.id ?? null }];
    return [];
  });
  if (additionalPhones.length > 20) problems.push('Up to 20 additional phone columns.');
  if (problems.length > 0 || !name || !primaryPhone) return { ok: false, problems };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { ok: true, mapping: { name, primaryPhone, additionalPhones, ...defined } };
}
