import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeMulaw } from '../../src/common/audio/g711';
import { pcm16Wav } from '../../src/common/audio/wav';
import { HOOK_TOKEN_HEADER } from '../../src/common/voicemail-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import { mulawTone } from '../../scripts/sipp/pcmu';
import { currentCallId, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { listen, listenToElement } from '../support/audio-probe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

/**
 * The demo's voicemail end to end: `npm run call` (sipp as the phone network, a 1 kHz tone) dials the
 * Bookings line, whose only destination, Carol, is on Do not disturb, so the voicemail service takes the
 * message after the seeded spoken greeting. Carol's inbox shows it at once with an unheard badge; she plays
 * it and the audio element's output carries the caller's tone; it is then heard, and she deletes it.
 */

const PORTS = { http: 18480, sip: 15460, ws: 15466, rtpNg: 22700, rtpMin: 31700, rtpMax: 31799, voicemail: 15470 };
const CALLER_HZ = 1000;
let stack: Awaited<ReturnType<typeof startE2eStack>>;
let carol: Agent;
let admin: Agent | undefined;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-voicemail-'));
  writeToneWav(join(dir, 'carol.wav'), 700);
  stack = await startE2eStack(PORTS);
  carol = await launchAgent({ micWav: join(dir, 'carol.wav') });
  await signInAndRegister(carol.page, stack.url, 'carol@acme.test');
  await carol.page.getByRole('radio', { name: 'Do not disturb' }).click();
  await carol.page.locator('[data-presence="dnd"]').waitFor();
});

afterAll(async () => {
  await admin?.close();
  await carol?.close();
  await stack?.stop();
});

/** `npm run call -- <number>` as a user runs it, against the test stack's Kamailio. */
function npmRunCall(number: string, durationS: number): Promise<{ code: number | null; out: string }> {
  const root = resolve(import.meta.dirname, '../..');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/call.ts'),
      number,
      '--port',
      String(PORTS.sip),
      '--duration',
      String(durationS),
      '--run-dir',
      dir,
    ],
    { cwd: root },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((r) => child.on('exit', (code) => r({ code, out })));
}

test('a caller leaves a message; the agent sees it arrive live, plays it and hears the caller, then deletes it', async () => {
  const page = carol.page;
  await openScreen(page, 'Voicemail');
  const inbox = page.getByRole('region', { name: 'Voicemail' });
  await inbox.getByText('No messages.').waitFor();

  // The seeded spoken greeting lasts about 12 s; the caller stays 20 s in all.
  const call = await npmRunCall('+442071234569', 20);
  expect(call.code, call.out).toBe(0);
  expect(call.out).toMatch(/answered/);

  const row = inbox.locator('[data-voicemail]');
  await row.waitFor({ timeout: 15_000 });
  expect(await row.getAttribute('data-heard')).toBe('false');
  await inbox.locator('[data-unread="1"]').waitFor();
  await row.getByText('Viewings & bookings').waitFor();

  const id = (await row.getAttribute('data-voicemail'))!;
  const heard = await listenToElement(page, `audio[data-voicemail-audio="${id}"]`);
  console.log(
    `[voicemail e2e] audio element: peak ${Math.round(heard.peakHz)} Hz, rms ${heard.rms.toFixed(3)}, band share ${heard.bandShare.toFixed(3)}`,
  );
  expect(Math.abs(heard.peakHz - CALLER_HZ)).toBeLessThan(30);
  expect(heard.rms).toBeGreaterThan(0.01);
  expect(heard.bandShare).toBeGreaterThan(0.8);

  // Playing it marked it heard; the badge is gone.
  await page.locator(`[data-voicemail="${id}"][data-heard="true"]`).waitFor();
  expect(await inbox.locator('[data-unread]').count()).toBe(0);

  // Playback speed is the agent's choice.
  await row.getByLabel('Speed').selectOption('1.5');
  expect(
    await page.evaluate(
      (sel) => (document.querySelector(sel) as HTMLAudioElement).playbackRate,
      `audio[data-voicemail-audio="${id}"]`,
    ),
  ).toBe(1.5);

  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await inbox.getByText('No messages.').waitFor();
  const res = await page.evaluate(async (url) => (await fetch(url)).status, `/api/voicemail/${id}/audio`);
  expect(res).toBe(404);
});

test("the voice portal from the softphone: *98, the PIN on the keypad, and the main number's message plays; it is then heard", async () => {
  // A message in the main number's box, stored through the voicemail service's own hook.
  const q = new URLSearchParams({
    boxId: 'num-main',
    callId: 'e2e-portal-1',
    caller: '+447700900444',
    startedAt: String(Date.now()),
    soundMs: '3000',
  });
  const stored = await fetch(`${stack.hookUrl}/internal/voicemail/messages?${q}`, {
    method: 'POST',
    headers: { [HOOK_TOKEN_HEADER]: hookToken('e2e-secret-0123456789abcdef') },
    body: new Blob([pcm16Wav(decodeMulaw(mulawTone(880, 3))).slice()]),
  });
  expect(stored.status).toBe(200);
  const { id } = (await stored.json()) as { id: string };

  admin = await launchAgent({ micWav: join(dir, 'carol.wav') });
  const page = admin.page;
  await signInAndRegister(page, stack.url, 'admin@acme.test');
  await openScreen(page, 'Voicemail');
  await page.locator(`[data-voicemail="${id}"][data-heard="false"]`).waitFor();
  await openScreen(page, 'Keypad');
  await page.getByLabel('Number or extension').fill('*98');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await page.locator('[data-status="active"]').waitFor({ timeout: 15_000 });
  const callId = await currentCallId(page);
  await page.getByRole('button', { name: 'Keypad' }).click();
  const keypad = page.getByRole('group', { name: 'Call keypad' });
  for (const key of ['0', '0', '0', '0', '#']) {
    await keypad.getByRole('button', { name: key, exact: true }).click();
    // Far enough apart that two equal digits stay two RFC 4733 events on a loaded machine.
    await page.waitForTimeout(400);
  }
  let heard = await listen(page, callId, 800);
  for (let i = 0; i < 15 && Math.abs(heard.peakHz - 880) > 30; i++) heard = await listen(page, callId, 800);
  console.log(
    `[voicemail e2e] portal in the browser: peak ${Math.round(heard.peakHz)} Hz, band share ${heard.bandShare.toFixed(3)}`,
  );
  expect(Math.abs(heard.peakHz - 880)).toBeLessThan(30);
  await page.getByText('The other party hung up').waitFor({ timeout: 20_000 });
  await openScreen(page, 'Voicemail');
  await page.locator(`[data-voicemail="${id}"][data-heard="true"]`).waitFor();
});
