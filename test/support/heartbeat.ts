import type { Socket } from 'socket.io-client';
import { HEARTBEAT_INTERVAL_MS } from '../../src/common/feed-events';

/**
 * Makes a test's socket.io client beat like a browser tab's feed does (on connecting, then every
 * HEARTBEAT_INTERVAL_MS), so the companion does not find the tab late. Stops when the socket disconnects.
 */
export function keepBeating<S extends Pick<Socket, 'on' | 'emit' | 'connected'>>(socket: S): S {
  const beat = () => void (socket.connected && (socket.emit as (e: string) => void)('phone:heartbeat'));
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  socket.on('connect', beat);
  socket.on('disconnect', () => clearInterval(timer));
  return socket;
}
