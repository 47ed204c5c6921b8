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

export interface StaffRepo {
  findByEmail(email: string): StaffRecord | undefined;
  findById(id: string): StaffRecord | undefined;
  listByOrg(orgId: string): StaffRecord[];
  insert(staff: NewStaff): void;
  setManualPresence(id: string, state: ManualPresence): void;
}

const columns = `s.id, s.org_id AS orgId, o.name AS orgName, s.name, s.email, s.password_hash AS passwordHash,
  s.role, s.extension, s.manual_presence AS manualPresence`;

export function createStaffRepo(db: Db): StaffRepo {
  const byEmail = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.email = ?`);
  const byId = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.id = ?`);
  const byOrg = db.prepare(`SELECT ${columns} FROM staff s JOIN organisations o ON o.id = s.org_id WHERE s.org_id = ? ORDER BY s.name`);
  const insert = db.prepare(`INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at)
    VALUES (@id, @orgId, @name, @email, @passwordHash, @role, @extension, @createdAt)`);
  const setPresence = db.prepare('UPDATE staff SET manual_presence = ? WHERE id = ?');
  return {
    findByEmail: (email) => byEmail.get(email) as StaffRecord | undefined,
    findById: (id) => byId.get(id) as StaffRecord | undefined,
    listByOrg: (orgId) => byOrg.all(orgId) as StaffRecord[],
    insert: (s) => void insert.run({ ...s, createdAt: Date.now() }),
    setManualPresence: (id, state) => void setPresence.run(state, id),
  };
}
