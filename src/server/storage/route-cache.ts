import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { Repos } from './repos';
import { loadOrgRouting, type OrgRouting } from './route-data';
import type { RouteSource } from './route-source';
import { repoRouteSource } from './repo-route-source';

type Found = { orgId: string; number: VirtualNumber };
type Entry<T> = { version: number; value: T };

/**
 * The route source with the data only admins change kept in memory: each number (by its E.164 number) and each
 * organisation's staff, item types and business hours. Before answering from memory it reads the scope's version
 * (one primary-key read), which the database's triggers bump on every write that could change a decision
 * (routing-version-migrations.ts), so no decision is ever made on stale settings, whoever wrote them. Everything
 * that changes call by call is read afresh by key or index, never cached: presence (in memory already), the
 * calls in progress and answered, the caller's contacts and bindings, and the rotation, whose read and write
 * stay the database's.
 */
export function cachedRouteSource(repos: Repos, now: () => number): RouteSource {
  const { db } = repos;
  const fresh = repoRouteSource(repos, now);
  const versionOf = db.prepare('SELECT version FROM routing_versions WHERE scope = ?').pluck();
  const version = (scope: string) => (versionOf.get(scope) as number | undefined) ?? 0;
  const numbers = new Map<string, Entry<Found>>();
  const orgs = new Map<string, Entry<OrgRouting>>();

  // A miss reads the data and its version in one read transaction: one snapshot, even with another writer.
  const snapshot = <T>(load: () => T): T => db.transaction(load)();

  return {
    ...fresh,
    findNumber(e164) {
      const hit = numbers.get(e164);
      if (hit && hit.version === version(`number:${hit.value.number.id}`)) return hit.value;
      const entry = snapshot(() => {
        const found = fresh.findNumber(e164);
        return found && { version: version(`number:${found.number.id}`), value: found };
      });
      // A number not (yet) in service is not remembered: asking again is one read by its unique key.
      if (entry) numbers.set(e164, entry);
      else numbers.delete(e164);
      return entry?.value;
    },
    org(orgId) {
      const hit = orgs.get(orgId);
      if (hit && hit.version === version(`org:${orgId}`)) return hit.value;
      const entry = snapshot(() => ({ version: version(`org:${orgId}`), value: loadOrgRouting(repos, orgId) }));
      orgs.set(orgId, entry);
      return entry.value;
    },
  };
}
