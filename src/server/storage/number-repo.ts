import { companyNumberSettingsSchema, type CompanyNumberSettings } from '../../common/domain/company-number';
import { mainNumberSettingsSchema, type MainNumberSettings } from '../../common/domain/main-number';
import { routingSettingsSchema, type RoutingSettings } from '../../common/domain/routing-settings';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { Db } from './database';

/** A number as stored: the domain shape plus the id of whoever changed it last. */
export type StoredNumber = VirtualNumber & { updatedById: string };

export type NumberSettings =
  | { kind: 'standard'; routing: RoutingSettings }
  | { kind: 'company'; company: CompanyNumberSettings }
  | { kind: 'main'; main: MainNumberSettings };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewNumber = DistributiveOmit<VirtualNumber, 'updatedAt' | 'updatedBy'>;

/** Who makes a change, and when. */
export type Stamp = { by: string; at: number };

export interface NumberRepo {
  list(orgId: string): StoredNumber[];
  /** Only within the organisation: another organisation's id finds nothing. */
  find(orgId: string, id: string): StoredNumber | undefined;
  /** The number with this E.164 number, whichever organisation holds it (for inbound calls). */
  findByE164(e164: string): { orgId: string; number: StoredNumber } | undefined;
  insert(orgId: string, number: NewNumber, stamp: Stamp): void;
  setDisplayName(orgId: string, id: string, displayName: string, stamp: Stamp): boolean;
  /** Replaces the kind's settings; false when the number is not the organisation's or not of that kind. */
  setSettings(orgId: string, id: string, settings: NumberSettings, stamp: Stamp): boolean;
}

type Row = {
  id: string;
  orgId: string;
  number: string;
  displayName: string;
  type: 'local' | 'toll-free';
  kind: 'standard' | 'company' | 'main';
  country: string;
  city: string;
  timeZone: string;
  expiresAt: number;
  settings: string;
  updatedAt: number;
  updatedById: string;
  updatedBy: string;
};

/** Settings are JSON checked by the shared schemas both ways: nothing invalid is written or trusted. */
function settingsJson(settings: NumberSettings): string {
  switch (settings.kind) {
    case 'standard':
      return JSON.stringify(routingSettingsSchema.parse(settings.routing));
    case 'company':
      return JSON.stringify(companyNumberSettingsSchema.parse(settings.company));
    case 'main':
      return JSON.stringify(mainNumberSettingsSchema.parse(settings.main));
  }
}

function toNumber(row: Row): StoredNumber {
  const { settings, orgId: _orgId, ...basic } = row;
  const json: unknown = JSON.parse(settings);
  switch (row.kind) {
    case 'standard':
      return { ...basic, kind: 'standard', routing: routingSettingsSchema.parse(json) };
    case 'company':
      return { ...basic, kind: 'company', company: companyNumberSettingsSchema.parse(json) };
    case 'main':
      return { ...basic, kind: 'main', main: mainNumberSettingsSchema.parse(json) };
  }
}

function settingsOf(number: NewNumber): NumberSettings {
  switch (number.kind) {
    case 'standard':
      return { kind: 'standard', routing: number.routing };
    case 'company':
      return { kind: 'company', company: number.company };
    case 'main':
      return { kind: 'main', main: number.main };
  }
}

const select = `SELECT n.id, n.org_id AS orgId, n.number, n.display_name AS displayName, n.type, n.kind, n.country, n.city,
  n.time_zone AS timeZone, n.expires_at AS expiresAt, n.settings, n.updated_at AS updatedAt, n.updated_by AS updatedById,
  s.name AS updatedBy FROM virtual_numbers n JOIN staff s ON s.id = n.updated_by`;

export function createNumberRepo(db: Db): NumberRepo {
  const list = db.prepare(
    `${select} WHERE n.org_id = ? ORDER BY CASE n.kind WHEN 'main' THEN 0 WHEN 'company' THEN 1 ELSE 2 END, n.display_name, n.number`,
  );
  const find = db.prepare(`${select} WHERE n.org_id = ? AND n.id = ?`);
  const byE164 = db.prepare(`${select} WHERE n.number = ?`);
  const insert = db.prepare(`INSERT INTO virtual_numbers
    (id, org_id, number, display_name, type, kind, country, city, time_zone, expires_at, settings, updated_at, updated_by)
    VALUES (@id, @orgId, @number, @displayName, @type, @kind, @country, @city, @timeZone, @expiresAt, @settings, @at, @by)`);
  const setName = db.prepare(
    'UPDATE virtual_numbers SET display_name = ?, updated_at = ?, updated_by = ? WHERE org_id = ? AND id = ?',
  );
  const setSettings = db.prepare(
    'UPDATE virtual_numbers SET settings = ?, updated_at = ?, updated_by = ? WHERE org_id = ? AND id = ? AND kind = ?',
  );
  return {
    list: (orgId) => (list.all(orgId) as Row[]).map(toNumber),
    find(orgId, id) {
      const row = find.get(orgId, id) as Row | undefined;
      return row ? toNumber(row) : undefined;
    },
    findByE164(e164) {
      const row = byE164.get(e164) as Row | undefined;
      return row ? { orgId: row.orgId, number: toNumber(row) } : undefined;
    },
    insert(orgId, n, stamp) {
      insert.run({
        id: n.id,
        orgId,
        number: n.number,
        displayName: n.displayName,
        type: n.type,
        kind: n.kind,
        country: n.country,
        city: n.city,
        timeZone: n.timeZone,
        expiresAt: n.expiresAt,
        settings: settingsJson(settingsOf(n)),
        at: stamp.at,
        by: stamp.by,
      });
    },
    setDisplayName: (orgId, id, displayName, stamp) =>
      setName.run(displayName, stamp.at, stamp.by, orgId, id).changes === 1,
    setSettings: (orgId, id, settings, stamp) =>
      setSettings.run(settingsJson(settings), stamp.at, stamp.by, orgId, id, settings.kind).changes === 1,
  };
}
