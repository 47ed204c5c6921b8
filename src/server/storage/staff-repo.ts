import type { Role } from '../../common/auth';
import type { AwayReason, ManualPresence } from '../../common/presence';
import type { Db } from './database';

export type StaffRecord = {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  email: string;
  passwordHash: string;
  role: Role;
  extension: string | null;
  manualPresence: ManualPresence;
  /** Away only: the organisation's reason the agent picked (null: none, or not away). */
  awayReason: AwayReason | null;
};

export type NewStaff = Omit<StaffRecord, 'orgName' | 'manualPresence' | 'awayReason'>;

export type StaffPatch = Partial<Pick<StaffRecord, 'name' | 'email' | 'role' | 'extension' | 'passwordHash'>>;

export interface StaffRepo {
  findByEmail(email: string): StaffRecord | undefined;
  findById(id: string): StaffRecord | undefined;
  /** The staff member with this extension (extensions are unique across organisations: one SIP address of record each). */
  findByExtension(extension: string): StaffRecord | undefined;
  /** Only within the organisation: another organisation's id finds nothing. */
  findInOrg(orgId: string, id: string): StaffRecord | undefined;
  /** Changes the given fields; false when the staff member is not the organisation's. */
  update(orgId: string, id: string, patch: StaffPatch): boolean;
  listByOrg(orgId: string): StaffRecord[];
  insert(staff: NewStaff): void;
  /** The state chosen by hand; any reason is cleared. */
  setManualPresence(id: string, state: ManualPresence): void;
  /**
   * Away for one of the organisation's own reasons, in one conditional write: false (and nothing changed)
   * when the reason is not one of this staff member's organisation (another's, or just removed).
   */
  setAway(id: string, reasonId: string): boolean;
}

const columns = `s.id, s.org_id AS orgId, o.name AS orgName, s.name, s.email, s.password_hash AS passwordHash,
  s.role, s.extension, s.manual_presence AS manualPresence, r.id AS reasonId, r.name AS reasonName`;
const from = `staff s JOIN organisations o ON o.id = s.org_id LEFT JOIN away_reasons r ON r.id = s.away_reason_id`;

type Row = Omit<StaffRecord, 'awayReason'> & { reasonId: string | null; reasonName: string | null };
const record = (row: unknown): StaffRecord | undefined => {
  if (!row) return undefined;
  const { reasonId, reasonName, ...rest } = row as Row;
  return { ...rest, awayReason: reasonId !== null && reasonName !== null ? { id: reasonId, name: reasonName } : null };
};

export function createStaffRepo(db: Db): StaffRepo {
  const byEmail = db.prepare(`SELECT ${columns} FROM ${from} WHERE s.email = ?`);
  const byExtension = db.prepare(`SELECT ${columns} FROM ${from} WHERE s.extension = ?`);
  const byId = db.prepare(`SELECT ${columns} FROM ${from} WHERE s.id = ?`);
  const byOrg = db.prepare(`SELECT ${columns} FROM ${from} WHERE s.org_id = ? ORDER BY s.name`);
  const insert = db.prepare(`INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at)
    VALUES (@id, @orgId, @name, @email, @passwordHash, @role, @extension, @createdAt)`);
  const setPresence = db.prepare('UPDATE staff SET manual_presence = ?, away_reason_id = NULL WHERE id = ?');
  const setAway = db.prepare(`UPDATE staff SET manual_presence = 'away', away_reason_id = @reasonId
    WHERE id = @id AND EXISTS (SELECT 1 FROM away_reasons r WHERE r.id = @reasonId AND r.org_id = staff.org_id)`);
  const inOrg = db.prepare(`SELECT ${columns} FROM ${from} WHERE s.org_id = ? AND s.id = ?`);
  const update =
    db.prepare(`UPDATE staff SET name = COALESCE(@name, name), email = COALESCE(@email, email), role = COALESCE(@role, role),
    extension = CASE WHEN @setExtension THEN @extension ELSE extension END, password_hash = COALESCE(@passwordHash, password_hash)
    WHERE org_id = @orgId AND id = @id`);
  return {
    findByEmail: (email) => record(byEmail.get(email)),
    findById: (id) => record(byId.get(id)),
    findByExtension: (extension) => record(byExtension.get(extension)),
    listByOrg: (orgId) => byOrg.all(orgId).map((r) => record(r)!),
    insert: (s) => void insert.run({ ...s, createdAt: Date.now() }),
    setManualPresence: (id, state) => void setPresence.run(state, id),
    setAway: (id, reasonId) => setAway.run({ id, reasonId }).changes === 1,
    findInOrg: (orgId, id) => record(inOrg.get(orgId, id)),
    update: (orgId, id, p) =>
      update.run({
        orgId,
        id,
        name: p.name ?? null,
        email: p.email ?? null,
        role: p.role ?? null,
        setExtension: p.extension !== undefined ? 1 : 0,
        extension: p.extension ?? null,
        passwordHash: p.passwordHash ?? null,
      }).changes === 1,
  };
}
