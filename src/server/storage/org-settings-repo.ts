import { businessHoursSchema, type BusinessHours } from '../../common/domain/business-hours';
import type { Db } from './database';
import type { Stamp } from './number-repo';

/** Nine to half past five on weekdays, London: what an organisation without its own hours gets. */
export const defaultBusinessHours: BusinessHours = {
  timeZone: 'Europe/London',
  windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:30' }],
};

export type StoredBusinessHours = { businessHours: BusinessHours; updatedAt: number | null; updatedBy: string | null };

export interface OrgSettingsRepo {
  businessHours(orgId: string): StoredBusinessHours;
  setBusinessHours(orgId: string, hours: BusinessHours, stamp: Stamp): void;
}

export function createOrgSettingsRepo(db: Db): OrgSettingsRepo {
  const get = db.prepare(`SELECT o.business_hours AS json, o.updated_at AS updatedAt, s.name AS updatedBy
    FROM org_settings o LEFT JOIN staff s ON s.id = o.updated_by WHERE o.org_id = ?`);
  const set = db.prepare(`INSERT INTO org_settings (org_id, business_hours, updated_at, updated_by) VALUES (?, ?, ?, ?)
    ON CONFLICT (org_id) DO UPDATE SET business_hours = excluded.business_hours, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  return {
    businessHours(orgId) {
      const row = get.get(orgId) as { json: string; updatedAt: number; updatedBy: string | null } | undefined;
      if (!row) return { businessHours: defaultBusinessHours, updatedAt: null, updatedBy: null };
      return {
        businessHours: businessHoursSchema.parse(JSON.parse(row.json)),
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      };
    },
    setBusinessHours: (orgId, hours, stamp) =>
      void set.run(orgId, JSON.stringify(businessHoursSchema.parse(hours)), stamp.at, stamp.by),
  };
}
