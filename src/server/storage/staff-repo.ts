import type { Role } from '../../common/auth';
import type { ManualPresence } from '../../common/presence';
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
};

export type NewStaff = Omit<StaffRecord, 'orgName' | 'manualPresence'>;

export type StaffPatch = Partial<Pick<StaffRecord, 'name' | 'email' | 'role' | 'extension' | 'passwordHash'>>;

export interface StaffRepo {
  findByEmail(email: string): StaffRecord | undefined;
  findById(id: string): StaffRecord | undefined;
  /** Extensions are unique across organisations: the SIP identity names one staff member. */
  findByExtension(extension: string): StaffRecord | undefined;
  /** Only within the organisation: another organisation's id finds nothing. */
  findInOrg(orgId: string, id: string): StaffRecord | undefined;
  /** Changes the given fields; false when the staff member is not the organisation's. */
  update(orgId: string, id: string, patch: StaffPatch): boolean;
  listByOrg(orgId: string): StaffRecord[];
  insert(staff: NewStaff): void;
  setManualPresence(id: string, state: ManualPresence): void;
}

const columns = `s.id, s.org_id AS orgId, o.name AS orgName, s.name, s.email, s.password_hash AS passwordHash,
  s.role, s.extension, s.manual_presence AS manualPresence`;

export function createStaffRepo(db: Db): StaffRepo {
  const byEmail = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.email = ?`);
  const byExtension = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.extension = ?`);
  const byId = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.id = ?`);
  const byOrg = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.org_id = ? ORDER BY s.name`);
  const insert = db.prepare(`INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at)
    VALUES (@id, @orgId, @name, @email, @passwordHash, @role, @extension, @createdAt)`);
  const setPresence = db.prepare('UPDATE staff SET manual_presence = ? WHERE id = ?');
  const inOrg = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.org_id = ? AND s.id = ?`);
  const update = db.prepare(`UPDATE staff SET name = COALESCE(@name, name), email = COALESCE(@email, email), role = COALESCE(@role, role),
    extension = CASE WHEN @setExtension THEN @extension ELSE extension END, password_hash = COALESCE(@passwordHash, password_hash)
    WHERE org_id = @orgId AND id = @id`);
  return {
    findByEmail: (email) => byEmail.get(email) as StaffRecord | undefined,
    findById: (id) => byId.get(id) as StaffRecord | undefined,
    findByExtension: (extension) => byExtension.get(extension) as StaffRecord | undefined,
    listByOrg: (orgId) => byOrg.all(orgId) as StaffRecord[],
    insert: (s) => void insert.run({ ...s, createdAt: Date.now() }),
    setManualPresence: (id, state) => void setPresence.run(state, id),
    findInOrg: (orgId, id) => inOrg.get(orgId, id) as StaffRecord | undefined,
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
