import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { VoicemailMessage } from '../../src/common/api/voicemail';
import { seedOrganisation } from '../../src/server/seed/seed';
import { placeCall } from '../../scripts/sipp/caller';
import { tonePcap } from '../../scripts/sipp/sipp-leg';
import { toneShare } from '../../scripts/sipp/pcmu';
import { nextEvent, openFeed } from '../support/companion-harness';
import {
  analyseWav,
  rmsOf,
  signIn,
  startVoicemailWorld,
  toneThenSilencePcap,
  toneWav,
  until,
  type VoicemailWorld,
} from './voicemail-support/voicemail-world';

/**
 * Leaving a message on real parts: sipp (the phone network) calls a number with voicemail on; nobody is
 * registered, so Kamailio hands the call to the voicemail service through rtpengine. sipp hears the
 * greeting (an uploaded 600 Hz recording) and the beep, then plays a 440 Hz "message". The stored file, the
 * feed and the audio URL are then checked as the agents would see them. The caller's number is on two contacts,
 * so the message names the most recently created one (Baker Lettings Ltd).
 */

let w: VoicemailWorld;
let admin: string;
const BOOKINGS = { id: 'num-bookings', e164: '+442071234569' };
const GREETING_HZ = 600;
const MESSAGE_HZ = 440;
const BEEP_HZ = 1400;

const api = async (
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(`${w.h.url}${path}`, {
    method,
    headers: {
      cookie,
      origin: w.h.origin,
      ...(body !== undefined && !(body instanceof Blob) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : null };
};

beforeAll(async () => {
  w = await startVoicemailWorld();
  admin = await signIn(w.h, 'admin@acme.test');
  const upload = await api(
    admin,
    'POST',
    '/api/numbers/greetings?name=Tone%20greeting',
    new Blob([toneWav(GREETING_HZ, 2).slice()]),
    { 'content-type': 'audio/wav' },
  );
  expect(upload.status, JSON.stringify(upload.json)).toBe(201);
  const number = (await api(admin, 'GET', `/api/numbers/${BOOKINGS.id}`)).json as {
    routing: Record<string, unknown> & { voicemail: Record<string, unknown> };
  };
  const saved = await api(admin, 'PUT', `/api/numbers/${BOOKINGS.id}/routing`, {
    ...number.routing,
    voicemail: { ...number.routing.voicemail, greeting: (upload.json as { id: string }).id },
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  await seedOrganisation(w.h.repos, {
    org: { id: 'org-other', name: 'Other Ltd' },
    password: 'switchboard',
    staff: [{ id: 'staff-other', name: 'Olga Other', email: 'olga@other.test', role: 'admin', extension: '2001' }],
  });
});

afterAll(async () => {
  await w?.stop();
});

test('a caller hears the greeting and the beep, leaves a message, and the destination agent gets it live with its audio', async () => {
  const carol = await signIn(w.h, 'carol@acme.test');
  const feed = openFeed(w.h, { cookie: carol, origin: w.h.origin });
  const created = nextEvent<VoicemailMessage>(feed, 'voicemail:created', () => true, 60_000);
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: BOOKINGS.e164,
    from: '+447911123457',
    kamailioPort: w.sip.sipPort,
    durationS: 7,
    pcap: tonePcap(w.sip.runDir, MESSAGE_HZ, 2),
    name: 'vm-caller',
  });
  expect(call.finalCode, 'the voicemail service answered').toBe(200);
  expect(call.endedBy).toBe('caller');

  // What sipp heard: the greeting (600 Hz, not silence), then the beep (1400 Hz) at the very end.
  const heard = call.leg.rtp.stats.audio;
  const arrivals = call.leg.rtp.stats.arrivals;
  expect(heard.length, 'greeting + beep received').toBeGreaterThan(8000 * 2);
  const greetingPart = heard.subarray(0, 8000 * 1.5);
  expect(rmsOf(greetingPart), 'the greeting is not silence').toBeGreaterThan(1000);
  expect(toneShare(greetingPart, GREETING_HZ), 'the greeting is the uploaded recording').toBeGreaterThan(0.8);
  const beep = heard.subarray(heard.length - 2400);
  expect(toneShare(beep, BEEP_HZ), 'a beep ends the greeting').toBeGreaterThan(0.8);

  // The message: from the beep's end (as sipp received it) to sipp's BYE.
  const beepEnd = arrivals[arrivals.length - 1]!.at;
  const byeAt = call.leg.event('bye')!.at;
  const sentMs = byeAt - beepEnd;
  const message = await created;
  feed.disconnect();
  expect(message).toMatchObject({
    boxId: BOOKINGS.id,
    number: { number: BOOKINGS.e164, displayName: 'Viewings & bookings' },
    caller: { number: '+447911123457', name: 'Baker Lettings Ltd', contactId: 'contact-tom-office' },
    heardAt: null,
  });

  const list = (await api(carol, 'GET', '/api/voicemail')).json as VoicemailMessage[];
  expect(list.map((m) => m.id)).toContain(message.id);
  const audio = await fetch(`${w.h.url}/api/voicemail/${message.id}/audio`, { headers: { cookie: carol } });
  expect(audio.status).toBe(200);
  expect(audio.headers.get('content-type')).toBe('audio/wav');
  const stored = analyseWav(new Uint8Array(await audio.arrayBuffer()));
  console.log(
    `[voicemail] sent ${Math.round(sentMs)} ms after the beep, stored ${stored.durationMs} ms (error ${Math.round(stored.durationMs - sentMs)} ms); 440 Hz share ${stored.share(MESSAGE_HZ).toFixed(3)}; greeting 600 Hz share ${toneShare(greetingPart, GREETING_HZ).toFixed(3)}, beep 1400 Hz share ${toneShare(beep, BEEP_HZ).toFixed(3)}`,
  );
  expect(Math.abs(stored.durationMs - sentMs), 'stored length matches what was sent').toBeLessThanOrEqual(700);
  expect(message.durationMs).toBe(stored.durationMs);
  expect(stored.rms, 'not silence').toBeGreaterThan(1000);
  expect(stored.share(MESSAGE_HZ), 'the message is what sipp sent').toBeGreaterThan(0.8);
  expect(stored.share(GREETING_HZ), 'and not the greeting').toBeLessThan(0.05);

  // The call history says where the call ended up.
  let history: Array<{ id: string; outcomeReason: string | null }> = [];
  await until(
    async () => {
      history = (await api(admin, 'GET', '/api/calls?limit=50')).json as typeof history;
      return history.find((c) => c.id === call.callId)?.outcomeReason === 'Voicemail';
    },
    5000,
    'the call is recorded as voicemail',
  ).catch(() => {});
  expect(history.find((c) => c.id === call.callId)?.outcomeReason).toBe('Voicemail');
});

test('the audio answers range requests (seeking), and only agents who may hear the box get it: others get 404', async () => {
  const carol = await signIn(w.h, 'carol@acme.test');
  const [message] = (await api(carol, 'GET', '/api/voicemail')).json as VoicemailMessage[];
  expect(message).toBeDefined();
  const url = `${w.h.url}/api/voicemail/${message!.id}/audio`;
  const full = await fetch(url, { headers: { cookie: carol } });
  const size = Number(full.headers.get('content-length'));
  expect(full.headers.get('accept-ranges')).toBe('bytes');
  const part = await fetch(url, { headers: { cookie: carol, range: 'bytes=44-143' } });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 44-143/${size}`);
  expect((await part.arrayBuffer()).byteLength).toBe(100);

  // Alice is in the organisation but not a destination of the bookings line; Olga is another organisation's admin.
  for (const email of ['alice@acme.test', 'olga@other.test', 'admin@acme.test']) {
    const cookie = await signIn(w.h, email);
    expect((await fetch(url, { headers: { cookie } })).status, `${email} hears nothing`).toBe(404);
    expect(((await api(cookie, 'GET', '/api/voicemail')).json as VoicemailMessage[]).map((m) => m.id)).not.toContain(
      message!.id,
    );
    expect((await api(cookie, 'POST', `/api/voicemail/${message!.id}/heard`)).status).toBe(404);
    expect((await api(cookie, 'DELETE', `/api/voicemail/${message!.id}`)).status).toBe(404);
  }
  expect((await fetch(url)).status, 'signed out').toBe(401);
});

test('mark heard, then delete: the row and the file go together, and a second delete is 404', async () => {
  const carol = await signIn(w.h, 'carol@acme.test');
  const [message] = (await api(carol, 'GET', '/api/voicemail')).json as VoicemailMessage[];
  const heard = await api(carol, 'POST', `/api/voicemail/${message!.id}/heard`);
  expect((heard.json as VoicemailMessage).heardAt).toBeGreaterThan(0);
  const file = w.h.voicemail.inbox.audioPath(
    { id: 'staff-carol', orgId: 'org-demo', name: 'Carol', role: 'agent' },
    message!.id,
  );
  expect(existsSync(file)).toBe(true);
  expect((await api(carol, 'DELETE', `/api/voicemail/${message!.id}`)).status).toBe(204);
  expect(existsSync(file)).toBe(false);
  expect(w.h.repos.voicemail.find('org-demo', message!.id)).toBeUndefined();
  expect((await api(carol, 'DELETE', `/api/voicemail/${message!.id}`)).status).toBe(404);
});

test('a caller who falls silent for 5 s is hung up on; the silence is not kept', async () => {
  const carol = await signIn(w.h, 'carol@acme.test');
  const feed = openFeed(w.h, { cookie: carol, origin: w.h.origin });
  const created = nextEvent<VoicemailMessage>(feed, 'voicemail:created', () => true, 60_000);
  // Greeting 2 s + 0.2 s pause + 0.4 s beep: the tone lasts until 4.6 s, so about 2 s of it is recorded.
  const pcap = toneThenSilencePcap(w.sip.runDir, MESSAGE_HZ, 4600, 60_000);
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: BOOKINGS.e164,
    from: '+447700900124',
    kamailioPort: w.sip.sipPort,
    durationS: 40,
    pcap,
    name: 'vm-silent-caller',
  });
  expect(call.endedBy, 'the voicemail service hung up').toBe('callee');
  const heldMs = call.endedAt! - call.answeredAt!;
  expect(heldMs, 'after about 5 s of silence, not at the end of the 40 s').toBeLessThan(15_000);
  const message = await created;
  feed.disconnect();
  console.log(
    `[voicemail] silent caller: hung up ${Math.round(heldMs)} ms after the answer; kept ${message.durationMs} ms`,
  );
  expect(Math.abs(message.durationMs - 2000)).toBeLessThanOrEqual(700);
});
