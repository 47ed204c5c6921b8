import type { Role } from '../../common/auth';
import { awayReasonInputSchema, wrapUpSettingSchema } from '../../common/api/presence-settings';
import { businessHoursSchema } from '../../common/domain/business-hours';
import { contactSchema, contactItemTypeSchema } from '../../common/domain/contact';
import { virtualNumberSchema } from '../../common/domain/virtual-number';
import { hashPassword } from '../auth/passwords';
import type { Repos } from '../storage/repos';
import { demoBindings, demoContacts, demoItemTypes } from './demo-contacts';
import { demoBusinessHours, demoGreetings, demoNumbers } from './demo-numbers';
import { DEMO_PASSWORD, demoOrg, demoPresence, demoStaff } from './demo-org';

const DAY = 86_400_000;

/** Everything an organisation starts with. Numbers, hours, item types and contacts are parsed by the shared schemas. */
export type OrgSeed = {
  org: { id: string; name: string };
  password: string;
  staff: { id: string; name: string; email: string; role: Role; extension: string | null }[];
  numbers?: Record<string, unknown>[];
  businessHours?: unknown;
  itemTypes?: unknown[];
  contacts?: Array<Record<string, unknown> & { ageMs: number }>;
  /** Spoken greetings (their audio is rendered by espeak-ng the first time a caller hears them). */
  greetings?: Array<{ id: string; name: string; text: string }>;
  bindings?: Array<{
    kind: 'sticky' | 'engagement';
    numberId: string;
    caller: string;
    staffId: string;
    lastInteractionAgoDays: number;
    days: number;
  }>;
  /** Wrap-up after every call (none: off) and the reasons agents may give for being away. */
  presence?: { wrapUpSeconds?: number; awayReasons?: string[] };
};

/** Seeds one organisation in one transaction; the first admin is recorded as the author of its settings. */
export async function seedOrganisation(repos: Repos, seed: OrgSeed, now = Date.now()): Promise<void> {
  const hash = await hashPassword(seed.password);
  const admin = seed.staff.find((s) => s.role === 'admin');
  if (!admin) throw new Error(`the seed of ${seed.org.id} needs an admin`);
  const stamp = { by: admin.id, at: now };
  repos.transaction(() => {
    repos.orgs.insert(seed.org);
    for (const s of seed.staff) repos.staff.insert({ ...s, orgId: seed.org.id, passwordHash: hash });
    if (seed.businessHours)
      repos.orgSettings.setBusinessHours(seed.org.id, businessHoursSchema.parse(seed.businessHours), stamp);
    for (const n of seed.numbers ?? []) {
      const {
        updatedAt: _at,
        updatedBy: _by,
        ...number
      } = virtualNumberSchema.parse({ ...n, updatedAt: now, updatedBy: admin.name });
      repos.numbers.insert(seed.org.id, number, stamp);
    }
    for (const g of seed.greetings ?? []) {
      repos.greetings.insert({
        ...g,
        orgId: seed.org.id,
        source: 'text',
        file: `${seed.org.id}/${g.id}.wav`,
        durationMs: 0,
        createdAt: now,
      });
    }
    for (const t of seed.itemTypes ?? []) repos.itemTypes.insert(seed.org.id, contactItemTypeSchema.parse(t));
    for (const { ageMs, ...c } of seed.contacts ?? [])
      repos.contacts.insert(seed.org.id, contactSchema.parse({ ...c, createdAt: now - ageMs }));
    for (const b of seed.bindings ?? []) {
      const last = now - b.lastInteractionAgoDays * DAY;
      repos.bindings.save(seed.org.id, {
        kind: b.kind,
        numberId: b.numberId,
        caller: b.caller,
        staffId: b.staffId,
        lastInteractionAt: last,
        expiresAt: last + b.days * DAY,
      });
    }
    const presence = seed.presence;
    if (presence?.wrapUpSeconds !== undefined)
      repos.presenceSettings.setWrapUp(seed.org.id, wrapUpSettingSchema.parse(presence).wrapUpSeconds, stamp);
    for (const [i, name] of (presence?.awayReasons ?? []).entries()) {
      repos.presenceSettings.addReason(
        seed.org.id,
        { id: `${seed.org.id}-reason-${i + 1}`, name: awayReasonInputSchema.parse({ name }).name },
        now,
      );
    }
  });
}

export const demoSeed: OrgSeed = {
  org: demoOrg,
  password: DEMO_PASSWORD,
  staff: demoStaff,
  numbers: demoNumbers,
  businessHours: demoBusinessHours,
  itemTypes: demoItemTypes,
  contacts: demoContacts,
  bindings: demoBindings,
  greetings: demoGreetings,
  presence: demoPresence,
};

/** Seeds the demo organisation into an empty database; does nothing when any organisation exists. */
export async function seedDemo(repos: Repos): Promise<boolean> {
  if (repos.orgs.count() > 0) return false;
  await seedOrganisation(repos, demoSeed);
  return true;
}
