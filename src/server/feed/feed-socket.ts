import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/feed-events';
import type { StaffRecord } from '../storage/staff-repo';

/**
 * Who the socket is, the hash of the session that opened it (closing the session closes the socket), and when
 * that session expires (epoch ms, read from the database at the handshake).
 */
export type FeedData = { staff: StaffRecord; session: string; sessionExpiresAt: number };
export type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, FeedData>;
export type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, FeedData>;

/** Registers one group of commands on a newly connected socket (the composition root chooses which). */
export type FeedHandlers = (socket: FeedSocket) => void;

/** The rooms every pushed fact is addressed to. */
export const rooms = {
  staff: (id: string) => `staff:${id}`,
  supervisors: (orgId: string) => `org:${orgId}:supervisors`,
  org: (orgId: string) => `org:${orgId}`,
};
