import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Greeting } from '../../src/common/api/voicemail';
import { HOOK_TOKEN_HEADER } from '../../src/common/voicemail-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import { startCompanion, type Companion } from '../../src/server/companion';
import { loadConfig } from '../../src/server/config';
import { seedDemo } from '../../src/server/seed/seed';
import { signIn, type Harness } from '../support/companion-harness';
import { toneWav, until } from './voicemail-support/voicemail-world';

/**
 * Storage of voicemail with a real companion and its SQLite file: auto-deletion on an injected clock (also
 * across a restart between scheduling and deletion), and greetings refused for bad input with nothing saved.
 */

const DAY = 86_400_000;
const SECRET = 'voicemail-storage-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'switchboard-vm-storage-'));
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
let clock = T0;
let companion: Companion;

const env = {
  PORT: '0',
  DATABASE_PATH: join(dir, 'db.sqlite'),
  STATIC_DIR: join(dir, 'none'),
  LOG_LEVEL: 'warn',
  SIP_AUTH_SECRET: SECRET,
  VOICEMAIL_DIR: join(dir, 'voicemail'),
  VOICEMAIL_SIP: '127.0.0.1:9',
  VOICEMAIL_SWEEP_MS: '100',
};
const boot = async () => {
  companion = await startCompanion(loadConfig(env), () => clock);
};
const halt = async () => {
  await companion.close();
  await new Promise<void>((r) => companion.http.close(() => r()));
};
const harness = () => ({ ...companion, origin: companion.url, stop: halt }) as Harness;

async function deposit(boxId: string, startedAt: number): Promise<string> {
  const q = new URLSearchParams({
    boxId,
    callId: `c-${startedAt}-${Math.random()}`,
    caller: '+447700900555',
    startedAt: String(startedAt),
    soundMs: '2000',
  });
  const res = await fetch(`${companion.hookUrl}/internal/voicemail/messages?${q}`, {
    method: 'POST',
    headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) },
    body: new Blob([toneWav(500, 2).slice()]),
  });
  const body = (await res.json()) as { id: string };
  expect(res.status).toBe(200);
  return body.id;
}
const fileOf = (id: string) => join(dir, 'voicemail', 'messages', 'org-demo', `${id}.wav`);
const exists = (id: string) => companion.repos.voicemail.find('org-demo', id) !== undefined;

beforeAll(async () => {
  await boot();
  await seedDemo(companion.repos);
});

afterAll(async () => {
  await halt();
  rmSync(dir, { recursive: true, force: true });
});

describe('auto-deletion', () => {
  test("a message is kept until the number's period (two weeks for Bookings) and then removed with its file", async () => {
    const id = await deposit('num-bookings', clock);
    clock = T0 + 14 * DAY - 60_000;
    companion.voicemail.autoDelete.runNow();
    expect(exists(id), 'a minute before its time').toBe(true);
    clock = T0 + 14 * DAY + 1;
    await until(() => !exists(id), 5000, 'the job removes the message once its time is up');
    expect(existsSync(fileOf(id))).toBe(false);
  });

  test('a restart between scheduling and deletion still deletes (the schedule is in the database)', async () => {
    const start = clock;
    const id = await deposit('num-main', start);
    expect(existsSync(fileOf(id))).toBe(true);
    await halt();
    clock = start + 31 * DAY; // the main number keeps messages a month
    await boot();
    await until(() => !exists(id), 5000, 'deleted after the restart');
    expect(existsSync(fileOf(id))).toBe(false);
  });

  test('changing the period applies to messages already in the box', async () => {
    const admin = await signIn(harness(), 'admin@acme.test');
    const id = await deposit('num-bookings', clock);
    const current = (await (
      await fetch(`${companion.url}/api/numbers/num-bookings`, { headers: { cookie: admin } })
    ).json()) as { routing: { voicemail: object } };
    const res = await fetch(`${companion.url}/api/numbers/num-bookings/routing`, {
      method: 'PUT',
      headers: { cookie: admin, origin: companion.url, 'content-type': 'application/json' },
      body: JSON.stringify({ ...current.routing, voicemail: { ...current.routing.voicemail, autoDelete: 'weekly' } }),
    });
    expect(res.status).toBe(200);
    expect(companion.repos.voicemail.find('org-demo', id)!.deleteAfter).toBe(clock + 7 * DAY);
  });

  test('at start-up a row without its file and a file without its row are both removed', async () => {
    const id = await deposit('num-bookings', clock);
    rmSync(fileOf(id));
    const stray = fileOf('left-behind-by-a-crash');
    writeFileSync(stray, 'partial');
    utimesSync(stray, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    await halt();
    await boot();
    expect(exists(id)).toBe(false);
    expect(existsSync(stray)).toBe(false);
  });
});

describe('greetings: bad input is refused with the field named, and nothing is saved', () => {
  let admin: string;
  const upload = (body: Blob, name = 'Greeting', type = 'audio/wav') =>
    fetch(`${companion.url}/api/numbers/greetings?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: admin, origin: companion.url, 'content-type': type },
      body,
    });
  const greetingFiles = () =>
    existsSync(join(dir, 'voicemail', 'greetings', 'org-demo'))
      ? readdirSync(join(dir, 'voicemail', 'greetings', 'org-demo'))
      : [];
  const list = async () =>
    (await (
      await fetch(`${companion.url}/api/numbers/greetings`, { headers: { cookie: admin } })
    ).json()) as Greeting[];

  beforeAll(async () => {
    admin = await signIn(harness(), 'admin@acme.test');
  });

  test.each([
    {
      why: 'not audio',
      body: () => new Blob(['hello, this is a text file, not a recording']),
      message: /not a WAV, MP3 or OGG/,
    },
    {
      why: 'a WAV header with nothing readable after it',
      body: () =>
        new Blob([
          new Uint8Array([...'RIFF'].map((c) => c.charCodeAt(0))),
          new Uint8Array(4),
          new Uint8Array([...'WAVEjunk'].map((c) => c.charCodeAt(0))),
        ]),
      message: /could not be read/,
    },
    { why: 'longer than 2 minutes', body: () => new Blob([toneWav(500, 121).slice()]), message: /up to 2 minutes/ },
    { why: 'larger than 10 MB', body: () => new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), message: /up to 10 MB/ },
  ])('$why', async ({ body, message }) => {
    const before = (await list()).length;
    const filesBefore = greetingFiles().length;
    const res = await upload(body());
    const json = (await res.json()) as { error: { code: string; message: string; path: string[] } };
    expect(res.status).toBe(400);
    expect(json.error).toMatchObject({ code: 'INVALID_INPUT', path: ['file'] });
    expect(json.error.message).toMatch(message);
    expect((await list()).length).toBe(before);
    expect(greetingFiles()).toHaveLength(filesBefore);
  });

  test('WAV, MP3 and OGG uploads and typed text become 8 kHz greetings; a greeting in use cannot be deleted', async () => {
    const wav = join(dir, 'g.wav');
    execFileSync('sox', ['-n', '-r', '44100', '-c', '2', wav, 'synth', '1.5', 'sine', '500']);
    for (const ext of ['mp3', 'ogg']) execFileSync('sox', [wav, join(dir, `g.${ext}`)]);
    const { readFileSync } = await import('node:fs');
    const made: Greeting[] = [];
    for (const ext of ['wav', 'mp3', 'ogg']) {
      const res = await upload(new Blob([readFileSync(join(dir, `g.${ext}`))]), `Uploaded ${ext}`, `audio/${ext}`);
      expect(res.status, ext).toBe(201);
      made.push((await res.json()) as Greeting);
    }
    for (const g of made) expect(Math.abs(g.durationMs - 1500), g.name).toBeLessThan(100);
    const spoken = await fetch(`${companion.url}/api/numbers/greetings`, {
      method: 'POST',
      headers: { cookie: admin, origin: companion.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Spoken', text: 'Hello, please leave a message.' }),
    });
    expect(spoken.status).toBe(201);
    expect(((await spoken.json()) as Greeting).durationMs).toBeGreaterThan(1000);
    const dup = await upload(new Blob([readFileSync(wav)]), 'spoken');
    expect(dup.status).toBe(409);

    const current = (await (
      await fetch(`${companion.url}/api/numbers/num-bookings`, { headers: { cookie: admin } })
    ).json()) as { routing: { voicemail: object } };
    await fetch(`${companion.url}/api/numbers/num-bookings/routing`, {
      method: 'PUT',
      headers: { cookie: admin, origin: companion.url, 'content-type': 'application/json' },
      body: JSON.stringify({ ...current.routing, voicemail: { ...current.routing.voicemail, greeting: made[0]!.id } }),
    });
    const del = await fetch(`${companion.url}/api/numbers/greetings/${made[0]!.id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: companion.url },
    });
    expect(del.status).toBe(409);
    expect(
      (
        await fetch(`${companion.url}/api/numbers/greetings/${made[1]!.id}`, {
          method: 'DELETE',
          headers: { cookie: admin, origin: companion.url },
        })
      ).status,
    ).toBe(204);
  });

  test('only admins manage greetings', async () => {
    const alice = await signIn(harness(), 'alice@acme.test');
    const res = await fetch(`${companion.url}/api/numbers/greetings`, {
      method: 'POST',
      headers: { cookie: alice, origin: companion.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mine', text: 'Hi' }),
    });
    expect(res.status).toBe(403);
  });
});
