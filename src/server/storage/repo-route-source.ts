import type { Repos } from './repos';
import { loadCallerContacts, loadOrgRouting } from './route-data';
import type { RouteSource } from './route-source';

/**
 * The routing data read from storage on every question, nothing kept. The dry run asks it, so "Who would
 * ring?" reads the database itself: a decision from a stale cache would disagree with it.
 */
export function repoRouteSource(repos: Repos, now: () => number): RouteSource {
  return {
    findNumber: (e164) => repos.numbers.findByE164(e164),
    org: (orgId) => loadOrgRouting(repos, orgId),
    callerContacts: (orgId, caller) => loadCallerContacts(repos, orgId, caller),
    bindings: (orgId, numberId, caller, at) => repos.bindings.liveFor(orgId, numberId, caller, at),
    rotation: (numberId) => repos.rotation.get(numberId),
    saveRotation: (numberId, rotation) => repos.rotation.save(numberId, rotation, now()),
    saveBinding: (orgId, binding) => repos.bindings.save(orgId, binding),
  };
}
