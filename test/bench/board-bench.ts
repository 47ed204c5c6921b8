// Supervisor board part of `npm run bench`: simulated agents (real socket.io clients with real sessions, spread
// over several processes) change state at a steady rate while one supervisor watches the board in Chromium.
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { hookToken } from '../../src/server/auth/hook-token';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { launchAgent, signInAndRegister } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import type { Send, WorkerCommand, WorkerReply } from './board-agents-worker';
import { table } from './stats';
import { companionUsage, type Usage } from './process-usage';

const SIZES = (process.env.BENCH_BOARD_AGENTS ?? '1000,5000').split(',').map(Number);
const RATE = Number(process.env.BENCH_BOARD_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_BOARD_SECONDS ?? 20);
const WORKERS = Number(process.env.BENCH_BOARD_WORKERS ?? 4);
/** A folder: the supervisor page's Chromium performance trace of each measured run is written there. */
const TRACE_DIR = process.env.BENCH_BOARD_TRACE_DIR;
/** Agents whose rows are in the supervisor's view (the board sorts by name, and theirs come first). */
const WATCHED = 10;
const WATCHED_SHARE = 0.1;

export const BOARD_DEFINITIONS = {
  agents:
    "Staff rows and sessions are inserted into the companion's SQLite file (no 5,000 scrypt sign-ins); each agent is a socket.io client with " +
    `its session cookie, in ${WORKERS} worker processes; Kamailio's registration of each is reported through the companion's hook ` +
    "(GET /internal/sip/registration with the hook token), each reports its phone registered and sends the tab's heartbeat every " +
    '2 s (phone:heartbeat), so all are available.',
  changes:
    `${RATE} presence:set per second in all (available -> away -> dnd -> ...), each by an agent whose previous change was acknowledged; ` +
    `${WATCHED_SHARE * 100}% of them by the ${WATCHED} agents whose rows are in the supervisor's view. ${SECONDS} s per size, after 3 s of warm-up.`,
  socket:
    "t0 = just before the agent's emit (its process's performance clock); t1 = the presence:changed frame reaching the supervisor page's socket.",
  painted:
    'Rows in view only: t1 = the task after the requestAnimationFrame that follows the row getting the change (data-since) in the DOM.',
  lost: "Acknowledged changes never delivered to the supervisor's socket, plus agents the board shows in another state than their last change.",
  companion:
    "CPU: the companion process's utime+stime over the run / wall time (100% = one core). RSS: highest of samples every 500 ms.",
};

declare global {
  interface Window {
    __board: {
      dump(): {
        received: Record<string, number>;
        painted: Record<string, number>;
        updates: number;
        longTasks: number[];
      };
      finals(): Record<string, string>;
      rows(): number;
      online(): number;
    };
  }
}

type SizeResult = {
  agents: number;
  toCompanion: number[];
  companionToSocket: number[];
  socket: number[];
  painted: number[];
  sent: number;
  lost: number;
  failures: number;
  /** Agents' sockets closed during the bench, by reason (they do not reconnect: they stay offline). */
  dropped: Record<string, number>;
  usage: Usage;
};

function call(worker: ChildProcess, cmd: WorkerCommand): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', (r: WorkerReply) => (r.type === 'error' ? reject(new Error(r.message)) : resolve(r)));
    worker.send(cmd);
  });
}

/** Agents `from`..`to`-1 of the bench, straight into the companion's database (staff and a live session each). */
function insertAgents(dbPath: string, from: number, to: number) {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  const staff = db.prepare(`INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at)
    VALUES (?, 'org-demo', ?, ?, 'bench-no-password', 'agent', ?, ?)`);
  const session = db.prepare('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const agents: { staffId: string; token: string; extension: string }[] = [];
  const now = Date.now();
  db.transaction(() => {
    for (let i = from; i < to; i++) {
      const n = String(i).padStart(4, '0');
      const a = { staffId: `bench-${n}`, token: randomBytes(32).toString('base64url'), extension: String(20000 + i) };
      // "Aaa …" sorts before the demo staff: the watched agents are the first rows of the board.
      staff.run(a.staffId, `Aaa Bench ${n}`, `bench-${n}@acme.test`, a.extension, now);
      session.run(createHash('sha256').update(a.token).digest('base64url'), a.staffId, now, now + 86_400_000);
      agents.push(a);
    }
  })();
  db.close();
  return agents;
}

/** What Kamailio reports when it saves each phone's REGISTER. */
async function reportRegistrations(hookUrl: string, token: string, agents: { extension: string }[], offset: number) {
  for (let i = 0; i < agents.length; i += 50) {
    await Promise.all(
      agents.slice(i, i + 50).map(async ({ extension }, j) => {
        const port = 30000 + offset + i + j;
        const q = new URLSearchParams({
          event: 'registered',
          ext: extension,
          contact: `sip:${extension}@127.0.0.1:${port}`,
          expires: '3600',
          source: `udp:127.0.0.1:${port}`,
        });
        const res = await fetch(`${hookUrl}/internal/sip/registration?${q}`, {
          headers: { [HOOK_TOKEN_HEADER]: token },
        });
        if (res.status !== 200) throw new Error(`registration of ${extension}: ${res.status}`);
      }),
    );
  }
}

export async function runBoardBench(
  stack: ProductStack & { dir: string },
  opts: { authSecret: string; hookPort: number; micWav: string },
) {
  const hookUrl = `http://127.0.0.1:${opts.hookPort}`;
  const token = hookToken(opts.authSecret);
  const workers = Array.from({ length: WORKERS }, () =>
    fork(join(import.meta.dirname, 'board-agents-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const results: SizeResult[] = [];
  let agents: ReturnType<typeof insertAgents> = [];
  try {
    for (const size of SIZES) {
      console.log(`board: ${size} agents: inserting, registering, connecting ...`);
      const fresh = insertAgents(join(stack.dir, 'switchboard.sqlite'), agents.length, size);
      await reportRegistrations(hookUrl, token, fresh, agents.length);
      await Promise.all(
        workers.map((w, k) =>
          call(w, { type: 'start', url: stack.url, agents: fresh.filter((_, i) => i % WORKERS === k) }),
        ),
      );
      agents = [...agents, ...fresh];
      const result = await measure(stack, workers, agents.length, opts.micWav);
      results.push(result);
      report([result]);
    }
  } finally {
    for (const w of workers) w.send({ type: 'stop' } satisfies WorkerCommand);
  }
  console.log('\nBoard definitions:');
  for (const [k, v] of Object.entries(BOARD_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  return results;
}

async function measure(
  stack: ProductStack,
  workers: ChildProcess[],
  size: number,
  micWav: string,
): Promise<SizeResult> {
  const supervisor = await launchAgent({ micWav });
  try {
    await signInAndRegister(supervisor.page, stack.url, 'supervisor@acme.test');
    await openScreen(supervisor.page, 'Team');
    await supervisor.page.getByRole('region', { name: 'Team presence' }).waitFor();
    await supervisor.page.addScriptTag({ content: readFileSync(join(import.meta.dirname, 'page-board.js'), 'utf8') });
    await supervisor.page.waitForFunction((n) => window.__board.online() >= n, size, { timeout: 300_000 });
    const watched = Array.from({ length: WATCHED }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
    const run = (seconds: number) =>
      Promise.all(
        workers.map((w) =>
          call(w, { type: 'run', perSecond: RATE / workers.length, seconds, watched, watchedShare: WATCHED_SHARE }),
        ),
      );
    await run(3);
    const usage = companionUsage(stack.companion.pid!);
    if (TRACE_DIR)
      await supervisor.browser.startTracing(supervisor.page, {
        path: join(TRACE_DIR, `board-${size}.json`),
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'],
      });
    const done = (await run(SECONDS)) as Extract<WorkerReply, { type: 'done' }>[];
    const used = usage.stop();
    console.log(
      `  machine load average (1/5/15 min) at the end of the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    );
    if (TRACE_DIR) await supervisor.browser.stopTracing();
    // Let the last frames arrive and paint.
    await new Promise((r) => setTimeout(r, 2000));
    const marks = await supervisor.page.evaluate(() => window.__board.dump());
    console.log(
      `  page long tasks (> 50 ms) during the run: ${marks.longTasks.length}, longest ${Math.max(0, ...marks.longTasks)} ms`,
    );
    const finals = await supervisor.page.evaluate(() => window.__board.finals());
    const sends: Send[] = done.flatMap((d) => d.sends);
    const key = (s: Send) => `${s.staffId}:${s.since}`;
    const socket = sends.map((s) => marks.received[key(s)]! - s.t0).filter(Number.isFinite);
    // `since` is the companion's clock at the change: it splits the path at the companion.
    const toCompanion = sends.map((s) => s.since - s.t0);
    const companionToSocket = sends.map((s) => marks.received[key(s)]! - s.since).filter(Number.isFinite);
    const painted = sends.map((s) => marks.painted[key(s)]! - s.t0).filter(Number.isFinite);
    const last = new Map(sends.map((s) => [s.staffId, `${s.state}:${s.since}`]));
    const wrongAtEnd = [...last].filter(([id, v]) => finals[id] !== v).length;
    const undelivered = sends.filter((s) => marks.received[key(s)] === undefined).length;
    // No painted figure at all means the board was not on screen: a broken bench, not a fast board.
    if (!painted.length) throw new Error(`board bench: no watched row was painted at ${size} agents`);
    return {
      agents: size,
      toCompanion,
      companionToSocket,
      socket,
      painted,
      sent: sends.length,
      lost: undelivered + wrongAtEnd,
      failures: done.reduce((n, d) => n + d.failures.length, 0),
      dropped: done.reduce<Record<string, number>>((all, d) => {
        for (const [reason, n] of Object.entries(d.dropped)) all[reason] = (all[reason] ?? 0) + n;
        return all;
      }, {}),
      usage: used,
    };
  } finally {
    await supervisor.close();
  }
}

function report(results: SizeResult[]) {
  console.log('');
  console.log(
    table(
      results.flatMap((r) => [
        { name: `${r.agents} agents: change -> supervisor socket`, values: r.socket },
        { name: '  emit -> companion changed it (since)', values: r.toCompanion },
        { name: '  companion changed it -> supervisor socket', values: r.companionToSocket },
        { name: `${r.agents} agents: change -> row painted`, values: r.painted },
      ]),
    ),
  );
  for (const r of results) {
    const p99 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(0.99 * (v.length - 1))]?.toFixed(1);
    console.log(
      `${r.agents} agents: ${r.sent} changes in ${SECONDS} s, lost ${r.lost}, refused ${r.failures}, ` +
        `sockets dropped ${JSON.stringify(r.dropped)}; socket p99 ${p99(r.socket)} ms, ` +
        `painted p99 ${p99(r.painted)} ms; companion CPU ${r.usage.cpuPercent.toFixed(0)}%, RSS max ${r.usage.rssMaxMb.toFixed(0)} MB`,
    );
  }
}
