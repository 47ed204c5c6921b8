import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/common/feed-events';
import { startCompanion, type Companion } from '../../src/server/companion';
import { loadConfig } from '../../src/server/config';
import { seedDemo } from '../../src/server/seed/seed';
import { hookToken } from '../../src/server/auth/hook-token';
import { keepBeating } from './heartbeat';

/** `hookToken`: what Kamailio sends in X-Hook-Token (tests without a Kamailio stand in for it with it). */
export type Harness = Companion & { origin: string; hookToken: string; stop(): Promise<void> };

/** A real companion on a free port with its own seeded SQLite file. */
export async function startSeededCompanion(env: Record<string, string> = {}, now?: () => number): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-'));
  // No voicemail service unless a test starts one (port 9 is discard: nothing answers there).
  const config = loadConfig({
    PORT: '0',
    DATABASE_PATH: join(dir, 'db.sqlite'),
    STATIC_DIR: join(dir, 'none'),
    LOG_LEVEL: 'warn',
    HOOK_PORT: '0',
    VOICEMAIL_DIR: join(dir, 'voicemail'),
    VOICEMAIL_SIP: '127.0.0.1:9',
    SIP_AUTH_SECRET: randomBytes(24).toString('base64url'),
    ...env,
  });
  const companion = await startCompanion(config, now);
  await seedDemo(companion.repos);
  // Tests expect an agent to be available right after a call; those about wrap-up turn it on (admin API).
  companion.repos.presenceSettings.setWrapUp('org-demo', 0, { by: 'staff-admin', at: Date.now() });
  return {
    ...companion,
    origin: companion.url,
    hookToken: hookToken(config.sip.authSecret),
    async stop() {
      await companion.close();
      await new Promise<void>((r) => companion.http.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in over real HTTP and returns the session cookie. */
export async function signIn(h: Harness, email: string, password = 'switchboard'): Promise<string> {
  const res = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export type TestFeed = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io client over a real socket, as a browser on `origin` with `cookie` would open it: it sends the
 * tab's heartbeats like a page does, unless `heartbeat: false` (a tab the browser froze or throttles).
 */
export function openFeed(h: Harness, opts: { cookie?: string; origin?: string; heartbeat?: boolean }): TestFeed {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  const feed: TestFeed = io(h.url, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  return opts.heartbeat === false ? feed : keepBeating(feed);
}

export function nextEvent<T>(
  socket: TestFeed,
  event: string,
  match: (v: T) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} matching within ${timeoutMs} ms`)), timeoutMs);
    const handler = (v: T) => {
      if (!match(v)) return;
      clearTimeout(timer);
      (socket as unknown as { off(e: string, h: unknown): void }).off(event, handler);
      resolve(v);
    };
    (socket as unknown as { on(e: string, h: unknown): void }).on(event, handler);
  });
}

/** Agents with these extensions in an organisation of the harness (for SIP tests that dial made-up extensions). */
export function addAgents(h: Harness, orgId: string, extensions: string[]): void {
  for (const ext of extensions) {
    h.repos.staff.insert({
      id: `agent-${orgId}-${ext}`,
      orgId,
      name: `Agent ${ext}`,
      email: `agent-${ext}@${orgId}.test`,
      passwordHash: 'x',
      role: 'agent',
      extension: ext,
    });
  }
}
