import { loadRouteOrg } from '../domain/route-data';
import type { Repos } from './repos';
import type { RouteSource } from './route-source';

/** The routing data of an organisation, read from storage for each call (no cache: settings apply at once). */
export function repoRouteSource(repos: Repos, now: () => number): RouteSource {
  return {
    findNumber: (e164) => repos.numbers.findByE164(e164),
    orgRouting: (orgId, caller) => loadRouteOrg(repos, orgId, caller),
    bindings: (orgId, at) => repos.bindings.listActive(orgId, at),
    rotation: (numberId) => repos.rotation.get(numberId),
    saveRotation: (numberId, rotation) => repos.rotation.save(numberId, rotation, now()),
    saveBinding: (orgId, binding) => repos.bindings.save(orgId, binding),
  };
}
