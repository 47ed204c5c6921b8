import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { FEED_PING_INTERVAL_MS, FEED_PING_TIMEOUT_MS } from '../../common/feed-events';
import { hashToken, readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { FeedCloser } from '../auth/revocation';
import type { PresenceService } from '../presence/presence-service';
import type { StaffRepo } from '../storage/staff-repo';
import { rooms, type FeedHandlers, type FeedServer, type FeedSocket } from './feed-socket';

/** How long a dropped socket's missed events are kept: a reconnect within it gets them (offers included). */
const RECOVERY_MS = 2 * 60_000;

/**
 * The feed: socket.io on the companion's HTTP server. A handshake needs one of our origins and a valid
 * session cookie; anything else is refused before a socket exists. A socket lives only as long as its
 * session: every command re-checks it, and ending the session closes the socket.
 */
export function attachFeed(
  http: HttpServer,
  deps: { sessions: Sessions; staff: StaffRepo; isAllowedOrigin: (o: string) => boolean },
): FeedServer {
  const io: FeedServer = new Server(http, {
    pingInterval: FEED_PING_INTERVAL_MS,
    pingTimeout: FEED_PING_TIMEOUT_MS,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A blip (network, a reload of the proxy) loses no offer; the session is checked again on recovery.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: false },
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      if (!origin || !deps.isAllowedOrigin(origin)) return cb(`origin ${origin ?? '(none)'} is not allowed`, false);
      cb(null, true);
    },
  });
  io.use((socket, next) => {
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const session = deps.sessions.liveFor(token);
    const staff = session ? deps.staff.findById(session.staffId) : undefined;
    if (!staff || !token || !session) return next(new Error('UNAUTHENTICATED'));
    socket.data.staff = staff;
    socket.data.session = hashToken(token);
    socket.data.sessionExpiresAt = session.expiresAt;
    next();
  });
  io.on('connection', (socket: FeedSocket) => {
    // A command on a socket whose session has ended is dropped and the socket closed. A heartbeat (no body, no
    // answer, 1 every 2 s per tab: most of the feed's packets) is checked against the session's expiry the socket
    // holds, not the database: an ended session closes its sockets itself (revocation.ts), and every other
    // command, and the sweep every minute, still read the database.
    socket.use(([event], next) => {
      const live =
        event === 'phone:heartbeat'
          ? deps.sessions.now() < socket.data.sessionExpiresAt
          : deps.sessions.staffIdForHash(socket.data.session) === socket.data.staff.id;
      if (live) return next();
      socket.disconnect(true);
    });
  });
  return io;
}

/** Closes sockets by session or by person (sign-out, password, role or extension change). */
export function feedCloser(io: FeedServer): FeedCloser {
  const each = (match: (s: FeedSocket) => boolean) => {
    for (const socket of io.sockets.sockets.values()) if (match(socket)) socket.disconnect(true);
  };
  return {
    closeSessions: (hashes) => each((s) => hashes.includes(s.data.session)),
    closeStaff: (staffId, keep) => each((s) => s.data.staff?.id === staffId && s.data.session !== keep),
  };
}

/** Sockets whose session expired meanwhile are closed (the sweep runs every minute). */
export function closeExpiredSockets(io: FeedServer, sessions: Sessions): void {
  for (const socket of io.sockets.sockets.values()) {
    if (socket.data.session && sessions.staffIdForHash(socket.data.session) !== socket.data.staff?.id)
      socket.disconnect(true);
  }
}

/**
 * Wires the feed: joins rooms, reports connections to presence, and registers the command handlers the
 * composition root hands in.
 */
export function serveFeed(io: FeedServer, presence: PresenceService, handlers: FeedHandlers[]): void {
  io.on('connection', (socket: FeedSocket) => {
    const staff = socket.data.staff;
    void socket.join([rooms.staff(staff.id), rooms.org(staff.orgId)]);
    const oversees = staff.role === 'supervisor' || staff.role === 'admin';
    if (oversees) void socket.join(rooms.supervisors(staff.orgId));
    presence.connect(staff.id, socket.id);
    // An agent's snapshot is themselves alone: no read of the whole organisation per agent connecting.
    const own = presence.get(staff.id);
    socket.emit('presence:snapshot', oversees ? presence.listOrg(staff.orgId) : own ? [own] : []);
    for (const register of handlers) register(socket);
    socket.on('disconnect', () => presence.disconnect(staff.id, socket.id));
  });
}
