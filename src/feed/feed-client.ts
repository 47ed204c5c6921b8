import { io, type Socket } from 'socket.io-client';
import {
  HEARTBEAT_INTERVAL_MS,
  serverEventSchemas,
  type Ack,
  type ClientToServerEvents,
  type ServerEvent,
  type ServerEventBody,
  type ServerToClientEvents,
} from '../common/feed-events';
import type { ManualPresence, PhoneStatus, Presence } from '../common/presence';

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `stopped`: the page closed the feed itself (signing out); `disconnected`: it was lost, and is coming back. */
export type FeedConnection = { status: 'connecting' | 'connected' | 'disconnected' | 'stopped'; reason?: string };
/** What to do with each pushed fact, once parsed (the app's composition builds this table). */
export type FeedListeners = { [E in ServerEvent]: (body: ServerEventBody<E>) => void };

export type FeedDeps = {
  listeners: FeedListeners;
  /** The connection went up or down (with the words to show). */
  connection: (c: FeedConnection) => void;
  /** Events may have been missed (a reconnect, a payload we could not read): refetch what is cached. */
  resync: () => void;
  /** The server refused us for want of a session. */
  sessionEnded: () => void;
  url?: string;
};

/**
 * The browser's end of the feed, the only importer of socket.io-client. Every pushed payload is parsed with
 * its schema from `common/` before it reaches a listener; one that does not parse is dropped and a resync
 * asked for instead.
 */
export function createFeed(deps: FeedDeps) {
  const socket: FeedSocket = io(deps.url ?? '/', {
    autoConnect: false,
    withCredentials: true,
    transports: ['websocket'],
  });
  let lastPhoneStatus: PhoneStatus | undefined;
  let everConnected = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  // From a timer on the page's thread, on purpose: the companion times these to see a throttled tab.
  const beat = () => void (socket.connected && socket.emit('phone:heartbeat'));

  socket.on('connect', () => {
    deps.connection({ status: 'connected' });
    beat();
    if (lastPhoneStatus) socket.emit('phone:report', lastPhoneStatus, () => {});
    if (everConnected) deps.resync();
    everConnected = true;
  });
  socket.on('disconnect', (reason) => {
    deps.connection(
      reason === 'io client disconnect'
        ? { status: 'stopped' }
        : { status: 'disconnected', reason: 'Connection to the Switchboard server lost, reconnecting…' },
    );
    // socket.io does not retry after the server closed us on purpose; we always want to come back.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    const ended = err.message === 'UNAUTHENTICATED';
    deps.connection({
      status: 'disconnected',
      reason: ended ? 'Your session has ended. Sign in again.' : 'Switchboard server unreachable, retrying…',
    });
    if (ended) deps.sessionEnded();
  });
  for (const event of Object.keys(serverEventSchemas) as ServerEvent[]) listen(socket, event, deps);

  return {
    start: () => {
      heartbeat ??= setInterval(beat, HEARTBEAT_INTERVAL_MS);
      socket.connect();
    },
    stop: () => {
      clearInterval(heartbeat);
      heartbeat = undefined;
      socket.disconnect();
    },
    reportPhone(status: PhoneStatus) {
      lastPhoneStatus = status;
      if (socket.connected) socket.emit('phone:report', status, () => {});
    },
    /** Tells the companion this agent's phone answered a routed call (it settles who took it). */
    answered(sipCallId: string) {
      socket.emit('call:answer', { sipCallId }, () => {});
    },
    /** The agent's choice (Available also ends a wrap-up: Ready); Away may carry one of the organisation's reasons. */
    setPresence(state: ManualPresence, reasonId?: string): Promise<Ack<Presence>> {
      const body = reasonId === undefined ? { state } : { state, reasonId };
      return new Promise((resolve) =>
        socket
          .timeout(5000)
          .emit('presence:set', body, (err: Error | null, ack: Ack<Presence>) =>
            resolve(
              err ? { ok: false, error: { code: 'INTERNAL', message: 'The server did not answer in time.' } } : ack,
            ),
          ),
      );
    },
  };
}
export type Feed = ReturnType<typeof createFeed>;

function listen<E extends ServerEvent>(socket: FeedSocket, event: E, deps: FeedDeps): void {
  const on = socket.on.bind(socket) as (e: E, fn: (body: unknown) => void) => void;
  on(event, parsedListener(event, deps));
}

/** One pushed event's listener: the payload is parsed with its schema; one that does not parse asks for a resync. */
export function parsedListener<E extends ServerEvent>(event: E, deps: Pick<FeedDeps, 'listeners' | 'resync'>) {
  const schema = serverEventSchemas[event];
  return (body: unknown) => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return deps.listeners[event](parsed.data as ServerEventBody<E>);
    console.warn(`[feed] ${event} payload rejected`, parsed.error.issues);
    deps.resync();
  };
}
