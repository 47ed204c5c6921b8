import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { FEED_PING_INTERVAL_MS, FEED_PING_TIMEOUT_MS, type ClientToServerEvents, type ServerToClientEvents } from '../../common/feed-events';
import type { Presence } from '../../common/presence';
import { readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { PresenceService } from '../presence/presence-service';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';
import type { InboundCalls } from '../calls/inbound-calls';
import { registerCallHandlers } from './call.handlers';
import { registerPresenceHandlers } from './presence.handlers';

export type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { staff: StaffRecord }>;
export type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { staff: StaffRecord }>;

export const rooms = {
  staff: (id: string) => `staff:${id}`,
  supervisors: (orgId: string) => `org:${orgId}:supervisors`,
  org: (orgId: string) => `org:${orgId}`,
};

/**
 * The feed: socket.io on the companion's HTTP server. A handshake needs one of our origins and a valid
 * session cookie; anything else is refused before a socket exists.
 */
export function attachFeed(http: HttpServer, deps: { sessions: Sessions; staff: StaffRepo; isAllowedOrigin: (o: string) => boolean }): FeedServer {
  const io: FeedServer = new Server(http, {
    pingInterval: FEED_PING_INTERVAL_MS,
    pingTimeout: FEED_PING_TIMEOUT_MS,
    serveClient: false,
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      if (!origin || !deps.isAllowedOrigin(origin)) return cb(`origin ${origin ?? '(none)'} is not allowed`, false);
      cb(null, true);
    },
  });
  io.use((socket, next) => {
    const staffId = deps.sessions.staffIdFor(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE));
    const staff = staffId ? deps.staff.findById(staffId) : undefined;
    if (!staff) return next(new Error('UNAUTHENTICATED'));
    socket.data.staff = staff;
    next();
  });
  return io;
}

/** Wires the feed: joins rooms, reports connections to presence, and registers every command handler. */
export function serveFeed(io: FeedServer, presence: PresenceService, calls: InboundCalls): void {
  io.on('connection', (socket: FeedSocket) => {
    const staff = socket.data.staff;
    void socket.join([rooms.staff(staff.id), rooms.org(staff.orgId)]);
    const oversees = staff.role === 'supervisor' || staff.role === 'admin';
    if (oversees) void socket.join(rooms.supervisors(staff.orgId));
    presence.connect(staff.id, socket.id);
    const all = presence.listOrg(staff.orgId);
    socket.emit('presence:snapshot', oversees ? all : all.filter((p) => p.staffId === staff.id));
    registerPresenceHandlers(socket, presence);
    registerCallHandlers(socket, calls);
    socket.on('disconnect', () => presence.disconnect(staff.id, socket.id));
  });
}

export function publishPresence(io: FeedServer, orgId: string, p: Presence): void {
  io.to(rooms.supervisors(orgId)).to(rooms.staff(p.staffId)).emit('presence:changed', p);
}
