import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoginThrottle, signInLimits } from './auth/login-throttle';
import { createRevocation } from './auth/revocation';
import { createSessions } from './auth/sessions';
import type { Config } from './config';
import type { Presence } from '../common/presence';
import { hookToken } from './auth/hook-token';
import { createCallHistory } from './domain/call-history';
import { createInboundCalls } from './domain/inbound-calls';
import { kamailioDialogCallIds, startDialogSweep } from './sip-control/dialog-sweep';
import { createHookApp } from './sip-hooks/hook-app';
import { createOutboundCalls } from './domain/outbound-calls';
import { createInternalCalls } from './domain/internal-calls';
import { cachedRouteSource } from './storage/route-cache';
import { createLiveInternalCalls } from './domain/live-internal-calls';
import { registerCallHandlers } from './feed/call.handlers';
import { attachFeed, closeExpiredSockets, feedCloser, serveFeed } from './feed/feed-server';
import {
  boardWatched,
  feedCallPublisher,
  feedNotificationPublisher,
  feedVoicemailPublisher,
  publishBoardActivity,
  publishPresence,
  publishRegistration,
} from './feed/feed-publishers';
import { registerPresenceHandlers } from './feed/presence.handlers';
import { kamailioControl } from './sip-control/kamailio-control';
import { createNotificationsModule } from './notifications/notifications-module';
import { createHttpApp } from './http/http-app';
import { createPresenceService } from './presence/presence-service';
import { createRegistrar } from './presence/registrar';
import { createHistoryWriter } from './presence/history-writer';
import { createPresenceHistoryRepo } from './presence/presence-history-repo';
import { createActivityFeed } from './supervisor/activity-feed';
import { createBoardActivity } from './supervisor/board-activity';
import { openDatabase } from './storage/database';
import { createRepos, type Repos } from './storage/repos';
import { startVoicemail, type Voicemail } from './voicemail/voicemail-module';

/** How long a hook being answered when the companion closes may take before its connection is cut. */
const HOOK_CLOSE_GRACE_MS = 2_000;

export type Companion = {
  http: Server;
  url: string;
  /** Kamailio's hooks: a second listener on 127.0.0.1 only (HOOK_PORT). */
  hooks: Server;
  hookUrl: string;
  repos: Repos;
  voicemail: Voicemail;
  /** Whether Kamailio holds a live contact for this extension, as it reported (read only). */
  registered(extension: string): boolean;
  /** An agent's live presence (read only). */
  presenceOf(staffId: string): Presence | undefined;
  /** Reconciles calls against Kamailio's dialogs now (also runs every CALL_SWEEP_SECONDS when KAMAILIO_CTL_SOCKET is set). */
  sweepCalls(graceMs?: number): Promise<number>;
  close(): Promise<void>;
};

/** Builds the whole companion once: storage, HTTP API, feed and presence on one port; Kamailio's hooks on a loopback port. */
export async function startCompanion(config: Config, now: () => number = Date.now): Promise<Companion> {
  const repos = createRepos(openDatabase(config.databasePath));
  const sessions = createSessions(repos.sessions, config.sessionMs, now);
  const throttle = createLoginThrottle({ limitsFor: signInLimits });
  const http = createServer();
  const selfOrigins = new Set(config.publicOrigins);
  const isAllowedOrigin = (origin: string) => selfOrigins.has(origin);
  const io = attachFeed(http, { sessions, staff: repos.staff, isAllowedOrigin });
  const history = createPresenceHistoryRepo(repos.db);
  // Everyone starts offline: a stretch left open by the last run ends now.
  history.closeOpen(now());
  const historyWriter = createHistoryWriter(history);
  const registrar = createRegistrar({
    changed: (extension) => presence.registrationChanged(extension),
    registered: (c) => {
      const owner = repos.staff.findByExtension(c.extension);
      if (owner) publishRegistration(io, owner.id, c.contact);
    },
  });
  const presence = createPresenceService({
    staff: repos.staff,
    now,
    publish: (orgId, p) => publishPresence(io, orgId, p),
    registered: (ext) => registrar.has(ext),
    wrapUpSeconds: (orgId) => repos.presenceSettings.wrapUpSeconds(orgId),
    recorded: (change) => historyWriter.record(change),
  });
  let lastRev = 0;
  const rev = () => (lastRev = Math.max(lastRev + 1, Date.now()));
  // Calls between extensions under way: Kamailio's progress reports, for the board's Call column.
  const liveInternal = createLiveInternalCalls({
    findByExtension: (ext) => repos.staff.findByExtension(ext),
    now,
    touched: (orgId, staffIds) => activityFeed.touched(orgId, staffIds),
  });
  const activity = createBoardActivity(repos.db, liveInternal.of);
  const activityFeed = createActivityFeed({
    repos,
    now,
    activity,
    rev,
    emit: (orgId, list) => publishBoardActivity(io, orgId, list),
    watched: (orgId) => boardWatched(io, orgId),
  });
  const orgOf = (staffIds: string[]) => (staffIds[0] ? repos.staff.findById(staffIds[0])?.orgId : undefined);
  const callFacts = feedCallPublisher(() => io);
  // Every call fact also refreshes the board's activity of the agents concerned.
  const callPublisher: typeof callFacts = {
    offered: (staffIds, offer) => {
      callFacts.offered(staffIds, offer);
      const orgId = orgOf(staffIds);
      if (orgId) activityFeed.touched(orgId, staffIds);
    },
    resolved: (staffIds, resolved) => {
      callFacts.resolved(staffIds, resolved);
      const orgId = orgOf(staffIds);
      if (orgId) activityFeed.touched(orgId, staffIds);
    },
    updated: (orgId, staffIds, sipCallId) => {
      callFacts.updated(orgId, staffIds, sipCallId);
      activityFeed.touched(orgId, staffIds);
    },
  };
  const voicemail = startVoicemail({ repos, config, now, publish: feedVoicemailPublisher(() => io) });
  const unknownCallers = createNotificationsModule({
    repos,
    publish: feedNotificationPublisher(() => io),
    now,
    gateway: config.sip.pstnGateways[0]!,
  });
  const calls = createInboundCalls({
    source: cachedRouteSource(repos, now),
    calls: repos.calls,
    presence,
    publish: callPublisher,
    targets: {
      sipDomain: config.sip.domain,
      pstnGateway: config.sip.pstnGateways[0]!,
      voicemailSip: config.voicemail.sip,
    },
    now,
    voicemailUp: voicemail.isUp,
    outcomes: unknownCallers.callOutcomes,
  });
  serveFeed(io, presence, [
    (socket) => registerPresenceHandlers(socket, presence),
    (socket) => registerCallHandlers(socket, calls),
  ]);
  const revocation = createRevocation({
    sessions,
    feed: () => feedCloser(io),
    sip: kamailioControl(config.kamailio.ctlSocket ? `unix:${config.kamailio.ctlSocket}` : ''),
    credentialSeconds: config.sip.credentialSeconds,
    now,
  });
  const outbound = createOutboundCalls({
    repos,
    now,
    gateways: config.sip.pstnGateways,
    updated: callPublisher.updated,
  });
  const internal = createInternalCalls({ repos, now, updated: callPublisher.updated, ended: liveInternal.ended });
  const callHooks = { calls, outbound, history: createCallHistory(repos.db, repos) };
  http.on(
    'request',
    createHttpApp({
      config,
      repos,
      sessions,
      throttle,
      revocation,
      presence,
      isAllowedOrigin,
      now,
      callHooks,
      voicemail,
      unknownCallers,
      supervision: { history, activity, rev },
    }),
  );
  const hooks = createServer(
    createHookApp({
      calls,
      outbound,
      internal,
      liveInternal,
      token: hookToken(config.sip.authSecret),
      orgOfExtension: (ext) => repos.staff.findByExtension(ext)?.orgId,
      registration: (q) => registrar.apply(q),
      voicemail,
      texts: unknownCallers.texts,
      log: config.logInfo ? (l) => console.log(l) : undefined,
      warn: (l) => console.warn(l),
    }),
  );
  // Kamailio keeps one connection per process open to this listener (pooled http_client connections): idle
  // ones stay up across quiet minutes instead of Node's 5 s, so a call after a lull needs no new connection.
  hooks.keepAliveTimeout = 10 * 60_000;
  const sweep = setInterval(() => {
    repos.sessions.deleteExpired(now());
    closeExpiredSockets(io, sessions);
  }, 60_000).unref();
  const ctl = config.kamailio.ctlSocket;
  const dialogSweep = startDialogSweep({
    listDialogs: ctl
      ? () => kamailioDialogCallIds(ctl)
      : () => Promise.reject(new Error('KAMAILIO_CTL_SOCKET is not set')),
    reconcile: calls.reconcile,
    now,
    everyMs: ctl ? config.kamailio.sweepSeconds * 1000 : 2 ** 31 - 1,
    log: (l) => console.warn(l),
  });

  const listen = (server: Server, port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  await listen(http, config.port, config.host);
  await listen(hooks, config.hookPort, '127.0.0.1');
  // A listener error after start (a bad client, a socket reset) is logged; the companion keeps serving.
  for (const server of [http, hooks])
    server.on('error', (err) => console.error('[companion] listener error (survived):', err));
  const { port } = http.address() as AddressInfo;
  const hookPort = (hooks.address() as AddressInfo).port;
  // A port of 0 picks a free one: the companion's own origin is then known only now.
  selfOrigins.add(`http://${config.host}:${port}`);
  return {
    http,
    hooks,
    hookUrl: `http://127.0.0.1:${hookPort}`,
    repos,
    voicemail,
    registered: (extension) => registrar.has(extension),
    presenceOf: (staffId) => presence.get(staffId),
    url: `http://${config.host}:${port}`,
    sweepCalls: (graceMs) => dialogSweep.runOnce(graceMs),
    async close() {
      clearInterval(sweep);
      dialogSweep.stop();
      presence.stop();
      registrar.stop();
      // Kamailio's pooled connections stay open for minutes: idle ones are closed now, and a hook still being
      // answered gets a moment to finish before its connection is cut, so closing never waits on Kamailio.
      const hooksClosed = new Promise<void>((r) => hooks.close(() => r()));
      hooks.closeIdleConnections();
      const cut = setTimeout(() => hooks.closeAllConnections(), HOOK_CLOSE_GRACE_MS);
      await hooksClosed;
      clearTimeout(cut);
      voicemail.stop();
      await io.close();
      // The tabs closed with the feed went offline: their history lands before the database closes.
      historyWriter.flush();
      repos.db.close();
    },
  };
}
