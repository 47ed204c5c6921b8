import type { ChangeEntry } from '../../common/api/numbers';
import type { Db } from './database';

export type ChangeEntity = ChangeEntry['entity'];

export type NewChange = {
  orgId: string;
  entity: ChangeEntity;
  entityId: string;
  section: string;
  summary: string;
  before: unknown;
  after: unknown;
  by: { id: string; name: string };
  at: number;
};

/** The audit trail: who changed which settings, when, from what to what. */
export interface ChangeRepo {
  record(change: NewChange): void;
  list(orgId: string, entity: ChangeEntity, entityId: string, limit?: number): ChangeEntry[];
}

type Row = Omit<ChangeEntry, 'before' | 'after' | 'changedBy'> & {
  before: string | null;
  after: string | null;
  byId: string;
  byName: string;
};

export function createChangeRepo(db: Db): ChangeRepo {
  const insert =
    db.prepare(`INSERT INTO change_log (org_id, entity, entity_id, section, summary, before, after, changed_by, changed_by_name, changed_at)
    VALUES (@orgId, @entity, @entityId, @section, @summary, @before, @after, @byId, @byName, @at)`);
  const list =
    db.prepare(`SELECT id, entity, entity_id AS entityId, section, summary, before, after, changed_by AS byId,
    changed_by_name AS byName, changed_at AS changedAt FROM change_log
    WHERE org_id = ? AND entity = ? AND entity_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?`);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return {
    record: (c) =>
      void insert.run({ ...c, before: json(c.before), after: json(c.after), byId: c.by.id, byName: c.by.name }),
    list: (orgId, entity, entityId, limit = 200) =>
      (list.all(orgId, entity, entityId, limit) as Row[]).map(({ byId, byName, before, after, ...rest }) => ({
        ...rest,
        before: before === null ? null : (JSON.parse(before) as unknown),
        after: after === null ? null : (JSON.parse(after) as unknown),
        changedBy: { id: byId, name: byName },
      })),
  };
}
