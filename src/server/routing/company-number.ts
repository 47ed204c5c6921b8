import { MAX_SIMULTANEOUS_COMPANY_CALLS, type CompanyRoute } from '../../common/domain/company-number';
import { contactPhones, type Contact } from '../../common/domain/contact';
import { samePhoneNumber } from '../../common/domain/phone-number';
import type { RingStep } from '../../common/domain/route-decision';
import type { CompanyNumber } from '../../common/domain/virtual-number';
import { refusal, type NumberPlan } from './plan';
import type { RouteContext } from './route-context';
import { findActive } from './time-windows';

export interface ContactMatch {
  /** The agent to ring. */
  staffId: string;
  /** Contacts whose timeline records the call. */
  contactIds: string[];
  reason: string;
}

/**
 * Contacts with the caller's number decide the agent: all with the same primary agent → that agent,
 * logged on every one; different agents → the agent of the most recently created contact, logged there only.
 * Contacts without a primary agent do not route.
 */
export function matchContacts(caller: string, contacts: Contact[]): ContactMatch | undefined {
  const owned = contacts.filter(
    (contact) =>
      contact.primaryAgentId !== null && contactPhones(contact).some((phone) => samePhoneNumber(phone, caller)),
  );
  const newest = [...owned].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!newest?.primaryAgentId) return undefined;
  const agents = new Set(owned.map((contact) => contact.primaryAgentId));
  if (agents.size === 1) {
    const names = owned.map((contact) => contact.name).join(', ');
    return {
      staffId: newest.primaryAgentId,
      contactIds: owned.map((contact) => contact.id),
      reason: `primary agent of contact ${names}`,
    };
  }
  return {
    staffId: newest.primaryAgentId,
    contactIds: [newest.id],
    reason: `primary agent of contact ${newest.name} (newest of ${owned.length} contacts with this number)`,
  };
}

function routeStep(route: CompanyRoute, reason: string, ctx: RouteContext): RingStep | null {
  switch (route.kind) {
    case 'blast': {
      const available = route.staffIds.filter((staffId) => ctx.available(staffId));
      if (available.length === 0) return null;
      return {
        targets: available.map((staffId) => ({ kind: 'staff', staffId, reason })),
        mode: 'simultaneous',
        ringTimeoutSeconds: route.ringTimeoutSeconds,
      };
    }
    case 'user':
      return ctx.available(route.staffId)
        ? {
            targets: [{ kind: 'staff', staffId: route.staffId, reason }],
            mode: 'simultaneous',
            ringTimeoutSeconds: route.ringTimeoutSeconds,
          }
        : null;
    case 'number':
      return {
        targets: [{ kind: 'external', number: route.number, reason }],
        mode: 'simultaneous',
        ringTimeoutSeconds: route.ringTimeoutSeconds,
      };
  }
}

function ruleStaff(route: CompanyRoute): string[] {
  if (route.kind === 'blast') return route.staffIds;
  return route.kind === 'user' ? [route.staffId] : [];
}

/** The rule for unknown callers and texters now: the custom rule whose active hours cover now, else the default. */
export function unknownCallerRule(
  number: CompanyNumber,
  now: Date,
): { route: CompanyRoute; name: string | null; staffIds: string[] } {
  const active = findActive(number.company.customRules, (rule) => rule.activeHours, now, number.timeZone);
  const route = active ? active.item.route : number.company.defaultRule;
  return { route, name: active?.item.name ?? null, staffIds: ruleStaff(route) };
}

/** Unknown callers: the custom rule whose active hours cover now (number's time zone), else the default rule. */
function planUnknownCaller(number: CompanyNumber, ctx: RouteContext): NumberPlan {
  const { company } = number;
  const active = findActive(company.customRules, (rule) => rule.activeHours, ctx.input.now, number.timeZone);
  const route = active ? active.item.route : company.defaultRule;
  const ruleLabel = active ? `${route.kind} rule '${active.item.name}'` : `default ${route.kind} rule`;
  const reason = `unknown caller: ${ruleLabel}`;
  const step = routeStep(route, reason, ctx);
  return {
    headline: `Unknown caller, ${ruleLabel}`,
    steps: step ? [step] : [],
    onNoAnswer: {
      kind: 'missed',
      reason: `nobody answered: unclaimed notification (source ${company.source}, tag ${company.tag})`,
    },
    notifyStaffIds: ruleStaff(route),
  };
}

/** A company number: busy past 50 simultaneous calls; known contacts ring their primary agent; unknown callers go by rule. */
export function planCompanyNumber(number: CompanyNumber, ctx: RouteContext): NumberPlan {
  const active = ctx.input.org.activeCompanyCalls ?? 0;
  if (active >= MAX_SIMULTANEOUS_COMPANY_CALLS) {
    return refusal(
      'busy',
      `busy: ${active} calls already on the company number (limit ${MAX_SIMULTANEOUS_COMPANY_CALLS})`,
    );
  }
  const match = matchContacts(ctx.input.call.caller, ctx.input.org.contacts);
  if (!match) return planUnknownCaller(number, ctx);
  const steps: RingStep[] = ctx.available(match.staffId)
    ? [
        {
          targets: [{ kind: 'staff', staffId: match.staffId, reason: match.reason }],
          mode: 'simultaneous',
          ringTimeoutSeconds: number.company.defaultRule.ringTimeoutSeconds,
        },
      ]
    : [];
  return {
    headline: `Known contact, rings primary agent ${ctx.name(match.staffId)}`,
    steps,
    onNoAnswer: { kind: 'missed', reason: 'nobody answered: missed call on the contact' },
    logContactIds: match.contactIds,
  };
}
