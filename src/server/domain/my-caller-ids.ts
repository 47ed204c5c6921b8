import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { callerIdChoiceSchema, type CallerIdOption, type CallerIdsView, type MyBinding } from '../../common/api/me';
import { formatPhone, normalisePhoneNumber, samePhoneNumber } from '../../common/domain/phone-number';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import { AppError } from '../../common/errors';
import { notFound, type Actor, type UseCaseDeps } from './actor';
import { allowedCallerIds, engagementAvailable } from './caller-id-rule';
import { orgCountry } from './org-country';

const DAY_MS = 86_400_000;

const toOption = (n: VirtualNumber): CallerIdOption => ({
  numberId: n.id,
  number: n.number,
  displayName: n.displayName || formatPhone(n.number),
  kind: n.kind === 'company' ? 'company' : 'standard',
  type: n.type,
  country: n.country,
  city: n.city,
  engagementAvailable: engagementAvailable(n),
  engagementDays: n.kind === 'standard' && engagementAvailable(n) ? n.routing.engagement.bindingDays : null,
});

const daysLeft = (until: number, now: number) => {
  const days = Math.max(1, Math.ceil((until - now) / DAY_MS));
  return days === 1 ? '1 day left' : `${days} days left`;
};

/** Digits two E.164 numbers share from the start. */
const sharedPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

/**
 * The number to suggest first for a call to `callee`: one bound to this agent for this customer (engagement
 * or sticky), else a local number in the customer's area, else in their country.
 */
function suggest(
  deps: UseCaseDeps,
  actor: Actor,
  allowed: VirtualNumber[],
  callee: string,
): CallerIdsView['suggestion'] {
  const now = deps.now();
  const bindings = deps.repos.bindings
    .listForStaff(actor.orgId, actor.id, now)
    .filter((b) => samePhoneNumber(b.caller, callee));
  for (const kind of ['engagement', 'sticky'] as const) {
    const bound = bindings.find((b) => b.kind === kind && allowed.some((n) => n.id === b.numberId));
    if (!bound) continue;
    const number = allowed.find((n) => n.id === bound.numberId)!;
    return {
      numberId: number.id,
      reason: `Your ${kind === 'engagement' ? 'engagement' : 'sticky binding'} with this customer on ${number.displayName || number.number}, ${daysLeft(bound.expiresAt, now)}`,
    };
  }
  const calleeCountry = parsePhoneNumberFromString(callee)?.country;
  const local = allowed
    .filter((n) => n.type === 'local' && n.country === calleeCountry)
    .map((n) => ({ n, shared: sharedPrefix(n.number, callee) }))
    .sort((a, b) => b.shared - a.shared)[0];
  if (!local) return null;
  // The country code plus at least two digits of area code in common: the customer's area.
  const cc = parsePhoneNumberFromString(callee)?.countryCallingCode.length ?? 2;
  if (local.shared >= cc + 3)
    return {
      numberId: local.n.id,
      reason: `Local number for this customer's area${local.n.city ? ` (${local.n.city})` : ''}`,
    };
  return { numberId: local.n.id, reason: "Local number in the customer's country" };
}

/** GET /api/me/caller-ids[?callee=]: exactly the numbers this agent may present, their choice, and a suggestion. */
export function myCallerIds(deps: UseCaseDeps, actor: Actor, query: { callee?: unknown }): CallerIdsView {
  const allowed = allowedCallerIds(deps.repos.numbers.list(actor.orgId), actor.id, deps.now());
  const remembered = deps.repos.outboundCalls.choice(actor.id);
  const selected = allowed.find((n) => n.id === remembered)?.id ?? allowed[0]?.id ?? null;
  let suggestion: CallerIdsView['suggestion'] = null;
  if (typeof query.callee === 'string' && query.callee.trim() !== '') {
    const raw = query.callee.startsWith(' ') ? `+${query.callee.trimStart()}` : query.callee;
    const callee = normalisePhoneNumber(raw, orgCountry(deps.repos, actor.orgId));
    // Half-typed numbers get no suggestion rather than an error: the picker asks as the agent types.
    if (callee) suggestion = suggest(deps, actor, allowed, callee);
  }
  return { options: allowed.map(toOption), selected, suggestion };
}

/** PUT /api/me/caller-id: remember the agent's choice (only a number they may present). */
export function chooseCallerId(deps: UseCaseDeps, actor: Actor, body: unknown): CallerIdsView {
  const { numberId } = callerIdChoiceSchema.parse(body);
  const allowed = allowedCallerIds(deps.repos.numbers.list(actor.orgId), actor.id, deps.now());
  if (!allowed.some((n) => n.id === numberId))
    throw new AppError('CALLER_ID_NOT_ALLOWED', 'numberId: you may not present this number as your caller ID', [
      'numberId',
    ]);
  deps.repos.outboundCalls.setChoice(actor.id, numberId, deps.now());
  return myCallerIds(deps, actor, {});
}

/** GET /api/me/bindings: the agent's live sticky and engagement bindings. */
export function myBindings(deps: UseCaseDeps, actor: Actor): MyBinding[] {
  const numbers = new Map(deps.repos.numbers.list(actor.orgId).map((n) => [n.id, n]));
  return deps.repos.bindings.listForStaff(actor.orgId, actor.id, deps.now()).flatMap((b) => {
    const number = numbers.get(b.numberId);
    if (!number) return [];
    const contact = deps.repos.contacts.list(actor.orgId, { phone: b.caller })[0];
    return [
      {
        id: b.id,
        kind: b.kind,
        customer: { number: b.caller, name: contact?.name ?? null },
        number: { id: number.id, number: number.number, displayName: number.displayName || number.number },
        lastInteractionAt: b.lastInteractionAt,
        expiresAt: b.expiresAt,
      },
    ];
  });
}

/** DELETE /api/me/bindings/:id: the next call from that customer routes normally. */
export function releaseBinding(deps: UseCaseDeps, actor: Actor, id: string): void {
  if (!deps.repos.bindings.deleteForStaff(actor.orgId, actor.id, id)) throw notFound('binding');
}
