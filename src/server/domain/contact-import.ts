import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import {
  contactImportRequestSchema,
  contactInputSchema,
  type ContactImportRequest,
  type ContactImportResult,
} from '../../common/api/contacts';
import type { Contact } from '../../common/domain/contact';
import { AppError } from '../../common/errors';
import { assertAdmin, type Actor, type UseCaseDeps } from './actor';
import { recordContactChange } from './contacts';
import { csvRecords, type CsvRecord } from '../../common/csv';

type Rejected = ContactImportResult['rejected'][number];
type Mapping = ContactImportRequest['mapping'];

/** Column positions in the header, case- and space-insensitive; an unknown column is a 400 naming the mapping field. */
function locateColumns(header: string[], mapping: Mapping) {
  const norm = (s: string) => s.trim().toLowerCase();
  const index = (column: string, path: (string | number)[]) => {
    const at = header.findIndex((h) => norm(h) === norm(column));
    if (at < 0)
      throw new AppError('INVALID_INPUT', `${path.join('.')}: the CSV header has no column '${column}'`, path);
    return at;
  };
  const optional = (key: 'primaryAgentEmail' | 'source' | 'tags') =>
    mapping[key] ? index(mapping[key], ['mapping', key]) : undefined;
  return {
    name: index(mapping.name, ['mapping', 'name']),
    primaryPhone: index(mapping.primaryPhone, ['mapping', 'primaryPhone']),
    additional: mapping.additionalPhones.map((p, i) => ({
      ...p,
      at: index(p.column, ['mapping', 'additionalPhones', i, 'column']),
    })),
    primaryAgentEmail: optional('primaryAgentEmail'),
    source: optional('source'),
    tags: optional('tags'),
  };
}

/** Rows handled between two pauses: each slice of work stays far below Kamailio's 1 s hook budget. */
const ROWS_PER_SLICE = 200;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every record of the CSV, pausing every few hundred so calls keep being routed while a big file is read. */
async function readRecords(csv: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  try {
    for (const record of csvRecords(csv)) {
      records.push(record);
      if (records.length % (ROWS_PER_SLICE * 10) === 0) await pause();
    }
  } catch (err) {
    throw new AppError('INVALID_INPUT', `csv: ${(err as Error).message}`, ['csv']);
  }
  return records;
}

/**
 * Saves the good contacts in slices, pausing between them. Should saving fail part-way (the database, not
 * the input: rows were checked before), the contacts saved so far are removed again, so nothing is half-imported.
 */
async function saveInSlices(deps: UseCaseDeps, actor: Actor, good: Contact[]): Promise<void> {
  const saved: string[] = [];
  try {
    for (let at = 0; at < good.length; at += ROWS_PER_SLICE) {
      deps.repos.transaction(() => {
        for (const contact of good.slice(at, at + ROWS_PER_SLICE)) {
          deps.repos.contacts.insert(actor.orgId, contact);
          const { id, createdAt: _at, ...fields } = contact;
          recordContactChange(deps, actor, id, `Imported contact ${contact.name}`, null, fields);
          saved.push(id);
        }
      });
      await pause();
    }
  } catch (err) {
    deps.repos.transaction(() => {
      for (const id of saved) {
        deps.repos.contacts.delete(actor.orgId, id);
        recordContactChange(deps, actor, id, 'Import failed: contact removed again', null, null);
      }
    });
    throw err;
  }
}

/**
 * Imports contacts from CSV text: rows that fail validation are reported by line with the reason and the
 * column; the rest are saved (all or none). Admins only. The work is done in slices with pauses between
 * them, so a large import never holds up the routing of calls.
 */
export async function importContacts(deps: UseCaseDeps, actor: Actor, body: unknown): Promise<ContactImportResult> {
  assertAdmin(actor, 'import contacts');
  const req = contactImportRequestSchema.parse(body);
  const records = await readRecords(req.csv);
  const [header, ...rows] = records;
  if (!header) throw new AppError('INVALID_INPUT', 'csv: the text has no header line', ['csv']);
  const cols = locateColumns(header.cells, req.mapping);
  const typeIds = new Set(deps.repos.itemTypes.list(actor.orgId).map((t) => t.id));
  req.mapping.additionalPhones.forEach((p, i) => {
    if (p.itemTypeId && !typeIds.has(p.itemTypeId)) {
      throw new AppError(
        'INVALID_INPUT',
        `mapping.additionalPhones.${i}.itemTypeId: no contact item type '${p.itemTypeId}'`,
        ['mapping', 'additionalPhones', i, 'itemTypeId'],
      );
    }
  });
  const staff = deps.repos.staff.listByOrg(actor.orgId);
  if (req.defaults.primaryAgentId && !staff.some((s) => s.id === req.defaults.primaryAgentId)) {
    throw new AppError(
      'INVALID_INPUT',
      `defaults.primaryAgentId: no staff member '${req.defaults.primaryAgentId}' in your organisation`,
      ['defaults', 'primaryAgentId'],
    );
  }

  const good: Contact[] = [];
  const rejected: Rejected[] = [];
  const now = deps.now();
  const byEmail = new Map(staff.map((s) => [s.email, s]));
  let done = 0;
  for (const row of rows) {
    if (++done % ROWS_PER_SLICE === 0) await pause();
    const cell = (at: number | undefined) => (at === undefined ? '' : (row.cells[at] ?? '').trim());
    if (row.cells.every((c) => c.trim() === '')) continue;
    const phones = cols.additional.filter((p) => cell(p.at) !== '');
    const email = cell(cols.primaryAgentEmail);
    const agent = email ? byEmail.get(email.toLowerCase()) : undefined;
    if (email && !agent) {
      rejected.push({
        line: row.line,
        column: header.cells[cols.primaryAgentEmail!]!.trim(),
        message: `No staff member with the email ${email}`,
      });
      continue;
    }
    const tags = cell(cols.tags)
      .split(/[;|]/)
      .map((t) => t.trim())
      .filter(Boolean);
    const candidate = {
      name: cell(cols.name),
      primaryPhone: cell(cols.primaryPhone),
      additionalPhones: phones.map((p) => ({
        number: cell(p.at),
        ...(p.itemTypeId ? { itemTypeId: p.itemTypeId } : {}),
        ...(p.description ? { description: p.description } : {}),
      })),
      primaryAgentId: agent?.id ?? req.defaults.primaryAgentId,
      source: cell(cols.source) || req.defaults.source,
      tags: [...new Set([...tags, ...req.defaults.tags])],
    };
    try {
      good.push({ id: `contact-${randomUUID()}`, createdAt: now, ...contactInputSchema.parse(candidate) });
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      const issue = err.issues[0]!;
      const [field, index] = issue.path;
      const at =
        field === 'additionalPhones' && typeof index === 'number'
          ? phones[index]?.at
          : field === 'name' || field === 'primaryPhone' || field === 'source' || field === 'tags'
            ? cols[field]
            : undefined;
      const column = at === undefined ? undefined : header.cells[at]?.trim();
      rejected.push({ line: row.line, message: issue.message, ...(column ? { column } : {}) });
    }
  }
  await saveInSlices(deps, actor, good);
  return { imported: good.length, contactIds: good.map((c) => c.id), rejected };
}
