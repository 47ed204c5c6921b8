import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoginThrottle } from './auth/login-throttle';
import { createSessions } from './auth/sessions';
import type { Config } from './config';
import { hookToken } from './auth/hook-token';
import { createCallHistory } from './calls/call-history';
import { createCallRepo } from './calls/call-repo';
import { createInboundCalls } from './calls/inbound-calls';
import { repoRouteSource } from './calls/repo-route-source';
import { feedCallPublisher } from './feed/call.handlers';
import { feedNotificationPublisher } from './feed/notification.handlers';
import { createNotificationsModule } from './notifications/notifications-module';
import { attachFeed, publishPresence, serveFeed } from './feed/feed-server';
import { createHttpApp } from './http/http-app';
import { createPresenceService } from './presence/presence-service';
import { openDatabase } from './storage/database';
import { createRepos, type Repos } from './storage/repos';

export type Companion = { http: Server; url: string; repos: Repos; close(): Promise<void> };

/** Builds the whole companion once: storage, HTTP API, feed and presence on one port. */
export async function startCompanion(config: Config, now: () => number = Date.now): Promise<Companion> {
  const repos = createRepos(openDatabase(config.databasePath));
  const sessions = createSessions(repos.sessions, config.sessionMs, now);
  const throttle = createLoginThrottle();
  const http = createServer();
  const selfOrigins = new Set(config.publicOrigins);
  const isAllowedOrigin = (origin: string) => selfOrigins.has(origin);
  const io = attachFeed(http, { sessions, staff: repos.staff, isAllowedOrigin });
  const presence = createPresenceService({ staff: repos.staff, now, publish: (orgId, p) => publishPresence(io, orgId, p) });
  const unknownCallers = createNotificationsModule({ repos, publish: feedNotificationPublisher(() => io), now, gateway: config.sip.pstnGateway });
  const calls = createInboundCalls({
    source: repoRouteSource(repos, now),
    calls: createCallRepo(repos.db),
    presence,
    publish: feedCallPublisher(() => io),
    targets: { sipDomain: config.sip.domain, pstnGateway: config.sip.pstnGateway },
    now,
    outcomes: unknownCallers.callOutcomes,
  });
  serveFeed(io, presence, calls);
  const callHooks = { calls, token: hookToken(config.sip.authSecret), history: createCallHistory(repos.db) };
  http.on('request', createHttpApp({ config, repos, sessions, throttle, presence, isAllowedOrigin, now, callHooks, unknownCallers }));
  const sweep = setInterval(() => repos.sessions.deleteExpired(now()), 3_600_000).unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  // A port of 0 picks a free one: the companion's own origin is then known only now.
  selfOrigins.add(`http://${config.host}:${port}`);
  return {
    http,
    repos,
    url: `http://${config.host}:${port}`,
    async close() {
      clearInterval(sweep);
      await io.close();
      repos.db.close();
    },
  };
}
