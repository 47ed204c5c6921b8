import type { NumberView } from '../../common/api/numbers';
import { mainSettingsInputSchema } from '../../common/api/numbers';
import { companyNumberSettingsSchema } from '../../common/domain/company-number';
import { basicInfoUpdateSchema, routingSettingsFor, type NumberKind } from '../../common/domain/virtual-number';
import { AppError } from '../../common/errors';
import { autoDeleteDays } from '../../common/domain/voicemail-settings';
import { voicemailPinSchema } from '../../common/domain/main-number';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';

const DAY_MS = 86_400_000;
import type { NumberSettings, StoredNumber } from '../storage/number-repo';
import { assertAdmin, notFound, stampOf, type Actor, type UseCaseDeps } from './actor';
import { describeRouting, toNumberView } from './number-view';
import { assertStaffInOrg, companyStaffRefs, mainStaffRefs, routingStaffRefs } from './staff-refs';

const viewOf = (deps: UseCaseDeps) => (number: StoredNumber) =>
  toNumberView(number, (boxId) => deps.repos.pins.hashOf(boxId) === undefined);

export function listNumbers(deps: UseCaseDeps, actor: Actor): NumberView[] {
  return deps.repos.numbers.list(actor.orgId).map(viewOf(deps));
}

function findNumber(deps: UseCaseDeps, actor: Actor, id: string): StoredNumber {
  const number = deps.repos.numbers.find(actor.orgId, id);
  if (!number) throw notFound('number');
  return number;
}

export function getNumber(deps: UseCaseDeps, actor: Actor, id: string): NumberView {
  return viewOf(deps)(findNumber(deps, actor, id));
}

const kindLabels: Record<NumberKind, string> = {
  standard: 'a standard number',
  company: 'the company number',
  main: 'the main number',
};

function ofKind<K extends NumberKind>(number: StoredNumber, kind: K): Extract<StoredNumber, { kind: K }> {
  if (number.kind !== kind) {
    throw new AppError(
      'CONFLICT',
      `This is ${kindLabels[number.kind]}; these settings are for ${kindLabels[kind]} only.`,
    );
  }
  return number as Extract<StoredNumber, { kind: K }>;
}

function orgStaffIds(deps: UseCaseDeps, orgId: string): Set<string> {
  return new Set(deps.repos.staff.listByOrg(orgId).map((s) => s.id));
}

/**
 * Saves a number's settings and the change-log entry in one transaction (so nothing is half-saved) and
 * answers the number as it now stands.
 */
function save(
  deps: UseCaseDeps,
  actor: Actor,
  number: StoredNumber,
  change: { section: string; summary: string; before: unknown; after: unknown },
  write: (stamp: { by: string; at: number }) => void,
): NumberView {
  const { stamp, author } = stampOf(actor, deps.now());
  deps.repos.transaction(() => {
    write(stamp);
    deps.repos.changes.record({
      orgId: actor.orgId,
      entity: 'number',
      entityId: number.id,
      ...change,
      by: author,
      at: stamp.at,
    });
  });
  return getNumber(deps, actor, number.id);
}

function saveSettings(
  deps: UseCaseDeps,
  actor: Actor,
  number: StoredNumber,
  settings: NumberSettings,
  change: { section: string; summary: string; before: unknown; after: unknown },
  alsoInTransaction: () => void = () => {},
) {
  return save(deps, actor, number, change, (stamp) => {
    if (!deps.repos.numbers.setSettings(actor.orgId, number.id, settings, stamp)) throw notFound('number');
    // New destinations or weights: the old round-robin and percentage counters no longer line up.
    if (settings.kind === 'standard') deps.repos.rotation.reset(number.id);
    alsoInTransaction();
  });
}

/** Basic info: only the display name may change. */
export function updateBasicInfo(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): NumberView {
  assertAdmin(actor, 'edit numbers');
  const number = findNumber(deps, actor, id);
  const { displayName } = basicInfoUpdateSchema.parse(body);
  return save(
    deps,
    actor,
    number,
    {
      section: 'basic',
      summary: `Display name '${number.displayName}' → '${displayName}'`,
      before: { displayName: number.displayName },
      after: { displayName },
    },
    (stamp) => {
      if (!deps.repos.numbers.setDisplayName(actor.orgId, id, displayName, stamp)) throw notFound('number');
    },
  );
}

/** Routing settings of a standard number (engagement mode is refused on toll-free numbers). */
export function updateRouting(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): NumberView {
  assertAdmin(actor, 'edit routing settings');
  const number = ofKind(findNumber(deps, actor, id), 'standard');
  const routing = routingSettingsFor(number.type).parse(body);
  assertStaffInOrg(routingStaffRefs(routing), orgStaffIds(deps, actor.orgId));
  const greeting = routing.voicemail.greeting;
  if (greeting !== null && !deps.repos.greetings.find(actor.orgId, greeting)) {
    throw new AppError('INVALID_INPUT', 'voicemail.greeting: No such greeting; upload or type one first', [
      'voicemail',
      'greeting',
    ]);
  }
  const change = { section: 'routing', summary: describeRouting(routing), before: number.routing, after: routing };
  return saveSettings(deps, actor, number, { kind: 'standard', routing }, change, () => {
    // Messages already in the box follow the new auto-deletion period.
    deps.repos.voicemail.setDeleteAfterForBox(
      actor.orgId,
      number.id,
      autoDeleteDays[routing.voicemail.autoDelete] * DAY_MS,
    );
  });
}

export function updateCompanySettings(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): NumberView {
  assertAdmin(actor, 'edit company-number settings');
  const number = ofKind(findNumber(deps, actor, id), 'company');
  const company = companyNumberSettingsSchema.parse(body);
  assertStaffInOrg(companyStaffRefs(company), orgStaffIds(deps, actor.orgId));
  const summary = `Unknown callers: default ${company.defaultRule.kind} rule, ${company.customRules.length} custom rule${company.customRules.length === 1 ? '' : 's'}`;
  return saveSettings(
    deps,
    actor,
    number,
    { kind: 'company', company },
    { section: 'company', summary, before: number.company, after: company },
  );
}

export function updateMainSettings(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): NumberView {
  assertAdmin(actor, 'edit main-number settings');
  const number = ofKind(findNumber(deps, actor, id), 'main');
  const input = mainSettingsInputSchema.parse(body);
  assertStaffInOrg(mainStaffRefs(input), orgStaffIds(deps, actor.orgId));
  const main = input;
  const summary = `Main number ${main.state}; in hours then ${main.inHours.then.kind}, out of hours then ${main.outOfHours.then.kind}`;
  return saveSettings(
    deps,
    actor,
    number,
    { kind: 'main', main },
    { section: 'main', summary, before: number.main, after: input },
  );
}

export function resetMainPin(deps: UseCaseDeps, actor: Actor, id: string): NumberView {
  assertAdmin(actor, 'reset the voicemail PIN');
  const number = ofKind(findNumber(deps, actor, id), 'main');
  const change = { section: 'pin', summary: 'Voicemail PIN reset to the default', before: null, after: null };
  return save(deps, actor, number, change, (stamp) => {
    deps.repos.pins.reset(number.id);
    if (!deps.repos.numbers.setSettings(actor.orgId, number.id, { kind: 'main', main: number.main }, stamp))
      throw notFound('number');
  });
}

/** A new voicemail PIN for the main number's box (admins only): stored as a scrypt hash, never shown or logged. */
export async function setMainPin(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): Promise<NumberView> {
  assertAdmin(actor, 'change the voicemail PIN');
  const number = ofKind(findNumber(deps, actor, id), 'main');
  const { pin } = z.strictObject({ pin: voicemailPinSchema }).parse(body);
  const hash = await hashPassword(pin);
  const change = { section: 'pin', summary: 'Voicemail PIN changed', before: null, after: null };
  return save(deps, actor, number, change, (stamp) => {
    deps.repos.pins.set(number.id, hash, stamp.at);
    if (!deps.repos.numbers.setSettings(actor.orgId, number.id, { kind: 'main', main: number.main }, stamp))
      throw notFound('number');
  });
}

export function listNumberChanges(deps: UseCaseDeps, actor: Actor, id: string) {
  findNumber(deps, actor, id);
  return deps.repos.changes.list(actor.orgId, 'number', id);
}
