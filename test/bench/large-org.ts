// A large organisation for the routing bench: the demo organisation grown to thousands of staff, hundreds of
// numbers with routing rules, tens of thousands of contacts and bindings and hundreds of thousands of call records,
// plus a second organisation of the same size (its contacts have the same phone numbers, so every read filtered by
// organisation has the other's rows to skip). In one transaction: organisations, staff and numbers through the
// companion's repositories, as the demo seed writes them (numbers parsed by the shared schema); the bulk of the rows
// (contacts, bindings, call history) by bulk SQL (large-org-rows.ts). The demo's own numbers, staff and contacts are
// left as they are, so a call to one of them is routed exactly as before.
import { virtualNumberSchema } from '../../src/common/domain/virtual-number';
import { hashPassword } from '../../src/server/auth/passwords';
import { DEMO_PASSWORD, demoOrg, demoStaff } from '../../src/server/seed/demo-org';
import { openDatabase } from '../../src/server/storage/database';
import { createRepos, type Repos } from '../../src/server/storage/repos';
import { writeBulkRows } from './large-org-rows';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Per organisation at scale 1; BENCH_ROUTING_ORG_SCALE multiplies them (0: no large organisation). */
export const LARGE_ORG_SIZES = { staff: 2_000, numbers: 300, contacts: 50_000, bindings: 100_000, calls: 200_000 };

type Org = { id: string; name: string; adminId: string; extensionBase: number; numberPrefix: string };
const ORGS: Org[] = [
  { id: demoOrg.id, name: demoOrg.name, adminId: 'staff-admin', extensionBase: 300_000, numberPrefix: '+44203' },
  {
    id: 'org-bench-two',
    name: 'Bench Two Lettings',
    adminId: 'bench-two-admin',
    extensionBase: 600_000,
    numberPrefix: '+44208',
  },
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** How long the write took (wall clock and this process's CPU: the machine is shared) and the rows after it. */
export type LargeOrgReport = { ms: number; cpuMs: number; scale: number; rows: Record<string, number> };

function sizesAt(scale: number) {
  // The contacts' phones have six digits of their own: a million per organisation.
  if (!(scale > 0 && LARGE_ORG_SIZES.contacts * scale < 1_000_000))
    throw new Error(`BENCH_ROUTING_ORG_SCALE must be above 0 and below 20 (0 skips), not ${scale}`);
  const sizes = Object.entries(LARGE_ORG_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]);
  return Object.fromEntries(sizes) as typeof LARGE_ORG_SIZES;
}

/** A standard number's routing, one of four shapes, over staff of the organisation. */
function routingOf(i: number, pick: (k: number) => string) {
  const shared = {
    sticky: { enabled: i % 3 !== 0, bindingDays: 14, fallbackToDestinations: true },
    engagement: { enabled: true, bindingDays: 10, fallbackToDestinations: i % 2 === 0 },
    callerIds: { destinationStaff: true, staffIds: [], allStaff: false },
  };
  const staff = (k: number) => ({ kind: 'staff', staffId: pick(k) });
  const group = (pattern: string, ...ks: number[]) => ({ kind: 'group', pattern, staffIds: ks.map(pick) });
  const external = { kind: 'external', number: '+442079460999' };
  const rules = [
    {
      kind: 'alternative',
      destinations: [
        { destination: staff(0), ringTimeoutSeconds: 20 },
        { destination: group('round-robin', 1, 2, 3), ringTimeoutSeconds: 20 },
        { destination: external, ringTimeoutSeconds: 30 },
      ],
    },
    {
      kind: 'percentage',
      destinations: [
        { destination: group('simultaneous', 0, 1), weight: 70, ringTimeoutSeconds: 25 },
        { destination: group('least-connected', 2, 3, 4), weight: 30, ringTimeoutSeconds: 25 },
      ],
    },
    {
      kind: 'time',
      windows: [
        {
          days: weekdays,
          start: '09:00',
          end: '17:30',
          destination: group('sequential', 0, 1, 2),
          ringTimeoutSeconds: 15,
        },
        { days: ['sat'], start: '10:00', end: '14:00', destination: staff(3), ringTimeoutSeconds: 30 },
      ],
      fallback: { destination: external, ringTimeoutSeconds: 40 },
    },
    { kind: 'alternative', destinations: [{ destination: staff(0), ringTimeoutSeconds: 25 }] },
  ];
  return { rule: rules[i % rules.length], ...shared };
}

function growOrg(repos: Repos, org: Org, sizes: typeof LARGE_ORG_SIZES, hash: string, now: number) {
  const stamp = { by: org.adminId, at: now };
  if (org.id !== demoOrg.id) {
    repos.orgs.insert(org);
    repos.staff.insert({
      id: org.adminId,
      orgId: org.id,
      name: `${org.name} Admin`,
      email: `admin@${org.id}.test`,
      role: 'admin',
      extension: String(org.extensionBase - 1),
      passwordHash: hash,
    });
    repos.orgSettings.setBusinessHours(
      org.id,
      { timeZone: 'Europe/London', windows: [{ days: [...weekdays], start: '09:00', end: '17:30' }] },
      stamp,
    );
    repos.itemTypes.insert(org.id, { id: `${org.id}-mobile`, name: 'Mobile', orderBy: 0 });
  }
  const staffIds = Array.from({ length: sizes.staff }, (_, i) => `${org.id}-staff-${pad(i, 5)}`);
  staffIds.forEach((id, i) =>
    repos.staff.insert({
      id,
      orgId: org.id,
      name: `Agent ${pad(i, 5)} of ${org.name}`,
      email: `agent-${pad(i, 5)}@${org.id}.test`,
      role: i % 50 === 0 ? 'supervisor' : 'agent',
      extension: String(org.extensionBase + i),
      passwordHash: hash,
    }),
  );
  // The demo's own staff and numbers get their share of bindings and calls too.
  const everyone = org.id === demoOrg.id ? [...demoStaff.map((s) => s.id), ...staffIds] : staffIds;
  const numberIds: string[] = org.id === demoOrg.id ? ['num-sales', 'num-support', 'num-hours', 'num-bookings'] : [];
  for (let i = 0; i < sizes.numbers; i++) {
    const id = `${org.id}-num-${pad(i, 4)}`;
    const pick = (k: number) => staffIds[(i * 5 + k) % staffIds.length]!;
    const {
      updatedAt: _at,
      updatedBy: _by,
      ...number
    } = virtualNumberSchema.parse({
      id,
      number: `${org.numberPrefix}${pad(i, 7)}`,
      displayName: `Line ${i}`,
      type: 'local',
      kind: 'standard',
      country: 'GB',
      city: 'London',
      timeZone: 'Europe/London',
      expiresAt: Date.UTC(2030, 11, 31),
      routing: routingOf(i, pick),
      updatedAt: now,
      updatedBy: 'bench',
    });
    repos.numbers.insert(org.id, number, stamp);
    numberIds.push(id);
  }
  const numbers = new Map(repos.numbers.list(org.id).map((n) => [n.id, n.number]));
  writeBulkRows(
    repos.db,
    org.id,
    sizes,
    {
      staffIds: everyone,
      numbers: numberIds.map((id) => ({ id, number: numbers.get(id)! })),
    },
    now,
  );
}

/** Everything `growLargeOrganisations` wrote, by the ids it gave (child rows go with their parents). */
function removeGrowth(repos: Repos) {
  const { db } = repos;
  const range = (table: string, org: Org, kind: string) =>
    db.prepare(`DELETE FROM ${table} WHERE id >= ? AND id < ?`).run(`${org.id}-${kind}-`, `${org.id}-${kind}.`);
  for (const org of ORGS) {
    const [from, to] = [`${org.id}-call-`, `${org.id}-call.`];
    db.prepare('DELETE FROM call_offers WHERE call_id >= ? AND call_id < ?').run(from, to);
    range('calls', org, 'call');
  }
  db.prepare("DELETE FROM bindings WHERE caller >= '+447900' AND caller < '+447901'").run();
  for (const org of ORGS) range('contacts', org, 'contact');
  for (const org of ORGS) range('virtual_numbers', org, 'num');
  for (const org of ORGS) range('staff', org, 'staff');
  const [, twin] = ORGS;
  for (const table of ['org_settings', 'contact_item_types', 'staff', 'organisations'])
    db.prepare(`DELETE FROM ${table} WHERE ${table === 'organisations' ? 'id' : 'org_id'} = ?`).run(twin!.id);
}

const COUNTED = [
  'organisations',
  'staff',
  'virtual_numbers',
  'contacts',
  'contact_phones',
  'bindings',
  'calls',
  'call_offers',
];

/** The companion's file, opened for one large write: a cache that holds it all, no waiting on the disk per commit. */
function openForBulk(path: string): Repos {
  const repos = createRepos(openDatabase(path));
  repos.db.pragma('cache_size = -1000000');
  repos.db.pragma('synchronous = OFF');
  return repos;
}

/** Writes the whole write-ahead log back into the file, so the companion's reads do not go through it. */
function checkpoint(repos: Repos) {
  const [result] = repos.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result?.busy) throw new Error('the write-ahead log could not be written back: a reader held it');
}

const countRows = (repos: Repos) =>
  Object.fromEntries(COUNTED.map((t) => [t, repos.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));

/** One large write to the file at `path`, timed, with the rows it leaves. */
async function timed(
  path: string,
  scale: number,
  write: (repos: Repos) => void | Promise<void>,
): Promise<LargeOrgReport> {
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  const repos = openForBulk(path);
  try {
    await write(repos);
    checkpoint(repos);
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, scale, rows: countRows(repos) };
  } finally {
    repos.db.close();
  }
}

/**
 * Grows the database at `path` (the running companion's file) to the large organisation and its twin in one
 * transaction. The companion needs no telling: the routing data's versions move with the writes.
 */
export function growLargeOrganisations(path: string, scale: number, now = Date.now()): Promise<LargeOrgReport> {
  const sizes = sizesAt(scale);
  return timed(path, scale, async (repos) => {
    const hash = await hashPassword(DEMO_PASSWORD);
    repos.transaction(() => {
      for (const org of ORGS) growOrg(repos, org, sizes, hash, now);
    });
  });
}

/** Takes the database back to the demo organisation alone (other benches that follow expect it), in one transaction. */
export function shrinkLargeOrganisations(path: string): Promise<LargeOrgReport> {
  return timed(path, 0, (repos) => repos.transaction(() => removeGrowth(repos)));
}
