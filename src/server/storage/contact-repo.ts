import type { Contact, ContactItemType } from '../../common/domain/contact';
import type { Db } from './database';

export type ContactFields = Omit<Contact, 'id' | 'createdAt'>;

/** Contacts with their additional phones and tags; every call is scoped to one organisation. */
export interface ContactRepo {
  list(orgId: string, filter?: { phone?: string }): Contact[];
  find(orgId: string, id: string): Contact | undefined;
  insert(orgId: string, contact: Contact): void;
  /** Replaces every field but id and creation time; false when the contact is not the organisation's. */
  update(orgId: string, id: string, fields: ContactFields, at: number): boolean;
  delete(orgId: string, id: string): boolean;
  /** A page of contacts whose name contains `text`, or any of whose phones contains `digits`; by name. */
  search(
    orgId: string,
    query: { text?: string; digits?: string },
    offset: number,
    limit: number,
  ): { items: Contact[]; total: number };
}

export interface ItemTypeRepo {
  list(orgId: string): ContactItemType[];
  find(orgId: string, id: string): ContactItemType | undefined;
  findByName(orgId: string, name: string): ContactItemType | undefined;
  insert(orgId: string, type: ContactItemType): void;
  update(orgId: string, type: ContactItemType): boolean;
  delete(orgId: string, id: string): boolean;
}

type ContactRow = {
  id: string;
  name: string;
  primaryPhone: string;
  primaryAgentId: string | null;
  source: string | null;
  createdAt: number;
};
type PhoneRow = { contactId: string; number: string; itemTypeId: string | null; description: string | null };

export function createContactRepo(db: Db): ContactRepo {
  const cols =
    'c.id, c.name, c.primary_phone AS primaryPhone, c.primary_agent_id AS primaryAgentId, c.source, c.created_at AS createdAt';
  const list = db.prepare(
    `SELECT ${cols} FROM contacts c WHERE c.org_id = ? ORDER BY c.name COLLATE NOCASE, c.created_at`,
  );
  // By the phone indexes only (`+c.org_id` keeps the planner off the organisation's whole list): calls ask this.
  const byPhone = db.prepare(`SELECT ${cols} FROM contacts c WHERE +c.org_id = @orgId AND c.id IN (
      SELECT id FROM contacts WHERE org_id = @orgId AND primary_phone = @phone
      UNION SELECT contact_id FROM contact_phones WHERE number = @phone)
    ORDER BY c.created_at DESC`);
  const find = db.prepare(`SELECT ${cols} FROM contacts c WHERE c.org_id = ? AND c.id = ?`);
  const phonesOfOrg =
    db.prepare(`SELECT p.contact_id AS contactId, p.number, p.item_type_id AS itemTypeId, p.description
    FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE c.org_id = ? ORDER BY p.contact_id, p.position`);
  const tagsOfOrg =
    db.prepare(`SELECT t.contact_id AS contactId, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
    WHERE c.org_id = ? ORDER BY t.contact_id, t.position`);
  const phonesOf = db.prepare(
    'SELECT contact_id AS contactId, number, item_type_id AS itemTypeId, description FROM contact_phones WHERE contact_id = ? ORDER BY position',
  );
  const tagsOf = db.prepare(
    'SELECT contact_id AS contactId, tag FROM contact_tags WHERE contact_id = ? ORDER BY position',
  );
  const insert =
    db.prepare(`INSERT INTO contacts (id, org_id, name, primary_phone, primary_agent_id, source, created_at, updated_at)
    VALUES (@id, @orgId, @name, @primaryPhone, @primaryAgentId, @source, @createdAt, @createdAt)`);
  const update =
    db.prepare(`UPDATE contacts SET name = @name, primary_phone = @primaryPhone, primary_agent_id = @primaryAgentId,
    source = @source, updated_at = @at WHERE org_id = @orgId AND id = @id`);
  const del = db.prepare('DELETE FROM contacts WHERE org_id = ? AND id = ?');
  const insertPhone = db.prepare(
    'INSERT INTO contact_phones (contact_id, position, number, item_type_id, description) VALUES (?, ?, ?, ?, ?)',
  );
  const insertTag = db.prepare('INSERT INTO contact_tags (contact_id, tag, position) VALUES (?, ?, ?)');
  const clearPhones = db.prepare('DELETE FROM contact_phones WHERE contact_id = ?');
  const clearTags = db.prepare('DELETE FROM contact_tags WHERE contact_id = ?');

  const assemble = (rows: ContactRow[], phones: PhoneRow[], tags: { contactId: string; tag: string }[]): Contact[] =>
    rows.map((row) => ({
      ...row,
      additionalPhones: phones
        .filter((p) => p.contactId === row.id)
        .map((p) => ({
          number: p.number,
          ...(p.itemTypeId ? { itemTypeId: p.itemTypeId } : {}),
          ...(p.description ? { description: p.description } : {}),
        })),
      tags: tags.filter((t) => t.contactId === row.id).map((t) => t.tag),
    }));
  const one = (row: ContactRow | undefined) =>
    row
      ? assemble(
          [row],
          phonesOf.all(row.id) as PhoneRow[],
          tagsOf.all(row.id) as { contactId: string; tag: string }[],
        )[0]
      : undefined;
  const writeChildren = (id: string, c: ContactFields) => {
    c.additionalPhones.forEach((p, i) => insertPhone.run(id, i, p.number, p.itemTypeId ?? null, p.description ?? null));
    c.tags.forEach((tag, i) => insertTag.run(id, tag, i));
  };

  const matchSql = `c.org_id = @orgId AND (
      (@text IS NOT NULL AND c.name LIKE '%' || @text || '%' ESCAPE '\\')
      OR (@digits IS NOT NULL AND (c.primary_phone LIKE '%' || @digits || '%'
        OR EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.number LIKE '%' || @digits || '%'))))`;
  const searchPage = db.prepare(
    `SELECT ${cols} FROM contacts c WHERE ${matchSql} ORDER BY c.name COLLATE NOCASE, c.created_at LIMIT @limit OFFSET @offset`,
  );
  const searchCount = db.prepare(`SELECT COUNT(*) FROM contacts c WHERE ${matchSql}`).pluck();
  const allPage = db.prepare(
    `SELECT ${cols} FROM contacts c WHERE c.org_id = @orgId ORDER BY c.name COLLATE NOCASE, c.created_at LIMIT @limit OFFSET @offset`,
  );
  const allCount = db.prepare('SELECT COUNT(*) FROM contacts WHERE org_id = @orgId').pluck();

  return {
    search(orgId, query, offset, limit) {
      const text = query.text ? query.text.replace(/[\\%_]/g, (ch) => `\\${ch}`) : null;
      const digits = query.digits ?? null;
      const params = { orgId, text, digits, offset, limit };
      const any = text !== null || digits !== null;
      const rows = (any ? searchPage.all(params) : allPage.all(params)) as ContactRow[];
      const total = (any ? searchCount.get(params) : allCount.get(params)) as number;
      return { items: rows.map((row) => one(row)!), total };
    },
    list(orgId, filter) {
      if (filter?.phone) return (byPhone.all({ orgId, phone: filter.phone }) as ContactRow[]).map((row) => one(row)!);
      return assemble(
        list.all(orgId) as ContactRow[],
        phonesOfOrg.all(orgId) as PhoneRow[],
        tagsOfOrg.all(orgId) as { contactId: string; tag: string }[],
      );
    },
    find: (orgId, id) => one(find.get(orgId, id) as ContactRow | undefined),
    insert: db.transaction((orgId: string, c: Contact) => {
      insert.run({
        id: c.id,
        orgId,
        name: c.name,
        primaryPhone: c.primaryPhone,
        primaryAgentId: c.primaryAgentId,
        source: c.source,
        createdAt: c.createdAt,
      });
      writeChildren(c.id, c);
    }),
    update: db.transaction((orgId: string, id: string, c: ContactFields, at: number) => {
      const changed =
        update.run({
          orgId,
          id,
          name: c.name,
          primaryPhone: c.primaryPhone,
          primaryAgentId: c.primaryAgentId,
          source: c.source,
          at,
        }).changes === 1;
      if (!changed) return false;
      clearPhones.run(id);
      clearTags.run(id);
      writeChildren(id, c);
      return true;
    }),
    delete: (orgId, id) => del.run(orgId, id).changes === 1,
  };
}

export function createItemTypeRepo(db: Db): ItemTypeRepo {
  const cols = 'id, name, order_by AS orderBy';
  const list = db.prepare(
    `SELECT ${cols} FROM contact_item_types WHERE org_id = ? ORDER BY order_by, name COLLATE NOCASE`,
  );
  const find = db.prepare(`SELECT ${cols} FROM contact_item_types WHERE org_id = ? AND id = ?`);
  const byName = db.prepare(`SELECT ${cols} FROM contact_item_types WHERE org_id = ? AND name = ? COLLATE NOCASE`);
  const insert = db.prepare('INSERT INTO contact_item_types (id, org_id, name, order_by) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE contact_item_types SET name = ?, order_by = ? WHERE org_id = ? AND id = ?');
  const del = db.prepare('DELETE FROM contact_item_types WHERE org_id = ? AND id = ?');
  return {
    list: (orgId) => list.all(orgId) as ContactItemType[],
    find: (orgId, id) => find.get(orgId, id) as ContactItemType | undefined,
    findByName: (orgId, name) => byName.get(orgId, name) as ContactItemType | undefined,
    insert: (orgId, t) => void insert.run(t.id, orgId, t.name, t.orderBy),
    update: (orgId, t) => update.run(t.name, t.orderBy, orgId, t.id).changes === 1,
    delete: (orgId, id) => del.run(orgId, id).changes === 1,
  };
}
