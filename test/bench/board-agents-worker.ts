// One process of simulated agents for the board bench (forked by board-bench.ts): real socket.io clients, each
// with a real session cookie, reporting a registered phone and changing their own state on command.
import { io, type Socket } from 'socket.io-client';
import {
  HEARTBEAT_INTERVAL_MS,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../src/common/feed-events';
import type { ManualPresence, Presence } from '../../src/common/presence';

type SimAgent = { staffId: string; token: string };
type Sim = SimAgent & {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: ManualPresence;
  busy: boolean;
};
export type Send = { staffId: string; t0: number; since: number; state: string };
export type WorkerCommand =
  | { type: 'start'; url: string; agents: SimAgent[] }
  | { type: 'run'; perSecond: number; seconds: number; watched: string[]; watchedShare: number }
  | { type: 'stop' };
/** `dropped`: sockets closed since the start (the bench does not reconnect), counted by socket.io's reason. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; sends: Send[]; failures: string[]; dropped: Record<string, number> }
  | { type: 'error'; message: string };

const now = () => performance.timeOrigin + performance.now();
const next: Record<ManualPresence, ManualPresence> = { available: 'away', away: 'dnd', dnd: 'available' };
const sims: Sim[] = [];
const dropped: Record<string, number> = {};
/** Per socket id, what to do if it closes while a change is waiting for its answer (which then never comes). */
const waiting = new Map<string, () => void>();
const reply = (r: WorkerReply) => process.send!(r);

async function connect(url: string, a: SimAgent): Promise<Sim> {
  const cookie = `sb_session=${a.token}`;
  const socket: Sim['socket'] = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: url },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('presence:snapshot', () => resolve());
    socket.once('connect_error', (e) => reject(new Error(`${a.staffId}: ${e.message}`)));
  });
  await new Promise((r) => socket.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r));
  // A tab's heartbeat, as the page sends it: without it the companion holds the agent not routable.
  socket.emit('phone:heartbeat');
  const beat = setInterval(() => socket.connected && socket.emit('phone:heartbeat'), HEARTBEAT_INTERVAL_MS);
  socket.on('disconnect', (reason) => {
    clearInterval(beat);
    dropped[reason] = (dropped[reason] ?? 0) + 1;
    waiting.get(a.staffId)?.();
  });
  return { ...a, socket, state: 'available', busy: false };
}

async function start(url: string, agents: SimAgent[]) {
  for (let i = 0; i < agents.length; i += 50)
    sims.push(...(await Promise.all(agents.slice(i, i + 50).map((a) => connect(url, a)))));
  reply({ type: 'ready' });
}

/** `perSecond` changes, each a presence:set of an agent whose last change was acknowledged. */
function run(cmd: Extract<WorkerCommand, { type: 'run' }>) {
  const watched = new Set(cmd.watched);
  const pools = [sims.filter((s) => watched.has(s.staffId)), sims.filter((s) => !watched.has(s.staffId))];
  const sends: Send[] = [];
  const failures: string[] = [];
  const began = now();
  let sent = 0;
  let pending = 0;
  const pick = () => {
    const pool = pools[0]!.length && Math.random() < cmd.watchedShare ? pools[0]! : pools[1]!;
    for (let tries = 0; tries < 20; tries++) {
      const s = pool[Math.floor(Math.random() * pool.length)];
      if (s && !s.busy) return s;
    }
    return undefined;
  };
  const tick = setInterval(() => {
    const elapsed = (now() - began) / 1000;
    if (elapsed >= cmd.seconds) {
      clearInterval(tick);
      const finish = () =>
        pending === 0 ? reply({ type: 'done', sends, failures, dropped: { ...dropped } }) : setTimeout(finish, 20);
      finish();
      return;
    }
    for (let owed = Math.floor(elapsed * cmd.perSecond) - sent; owed > 0; owed--) {
      const s = pick();
      if (!s) break;
      sent++;
      pending++;
      s.busy = true;
      const state = next[s.state];
      const t0 = now();
      waiting.set(s.staffId, () => {
        waiting.delete(s.staffId);
        pending--;
        failures.push(`${s.staffId}: socket closed before the answer`);
      });
      s.socket.emit('presence:set', { state }, (ack: Ack<Presence>) => {
        waiting.delete(s.staffId);
        pending--;
        s.busy = false;
        if (!ack.ok) return void failures.push(`${s.staffId}: ${ack.error.message}`);
        s.state = state;
        sends.push({ staffId: s.staffId, t0, since: ack.data.since, state: ack.data.state });
      });
    }
  }, 5);
}

process.on('message', (cmd: WorkerCommand) => {
  if (cmd.type === 'start')
    start(cmd.url, cmd.agents).catch((e: Error) => reply({ type: 'error', message: e.message }));
  if (cmd.type === 'run') run(cmd);
  if (cmd.type === 'stop') {
    for (const s of sims) s.socket.disconnect();
    setTimeout(() => process.exit(0), 100);
  }
});
