import { createSocket, type Socket } from 'node:dgram';
import { request } from 'node:http';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';
import { buildMessage, header, parseSip, randomToken, type SipMessage } from './sip-support/sip-message';
import { GATEWAY_HOST, startTestSipStack, type TestSipStack } from './sip-support/test-stack';

// An admin imports a big contact file while calls arrive from the phone network. Every call's routing
// lookup must be answered by the companion within Kamailio's 1 s hook budget (else Kamailio answers 503,
// its fail-safe), and calls keep being answered while the import is still running.
const SECRET = 'import-routing-secret-0123456789abcdef';
const ROWS = 20_000;
let h: Harness;
let sip: TestSipStack;
let udp: Socket;
const replies = new Map<string, (m: SipMessage) => void>();

beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, SIP_DOMAIN: '127.0.0.1' });
  sip = await startTestSipStack({ secret: SECRET, hookUrl: h.hookUrl });
  udp = createSocket('udp4');
  await new Promise<void>((r) => udp.bind(0, GATEWAY_HOST, () => r()));
  udp.on('message', (data) => {
    const m = parseSip(data.toString('utf8'));
    if ((m.status ?? 0) >= 200) replies.get(header(m, 'call-id') ?? '')?.(m);
  });
}, 60_000);
afterAll(async () => {
  udp?.close();
  await sip?.stop();
  await h?.stop();
});

/** A phone-network INVITE to a number nobody holds: only the companion can say 404 "Not a number in service". */
function callUnknownNumber(): Promise<SipMessage> {
  const callId = randomToken(8);
  const port = udp.address().port;
  const target = `sip:+442070000999@127.0.0.1:${sip.sipPort}`;
  const invite = buildMessage(`INVITE ${target} SIP/2.0`, [
    ['Via', `SIP/2.0/UDP ${GATEWAY_HOST}:${port};branch=z9hG4bK${randomToken(6)};rport`],
    ['Max-Forwards', '70'],
    ['From', `<sip:+447400999111@127.0.0.1>;tag=${randomToken(4)}`],
    ['To', `<${target}>`],
    ['Call-ID', callId],
    ['CSeq', '1 INVITE'],
    ['Contact', `<sip:+447400999111@${GATEWAY_HOST}:${port}>`],
  ]);
  return new Promise((resolve) => {
    replies.set(callId, (m) => {
      replies.delete(callId);
      // ACK the final answer so Kamailio stops retransmitting it.
      udp.send(
        buildMessage(`ACK ${target} SIP/2.0`, [
          ['Via', `SIP/2.0/UDP ${GATEWAY_HOST}:${port};branch=${/branch=([^;]+)/.exec(invite)![1]}`],
          ['From', header(m, 'from')!],
          ['To', header(m, 'to')!],
          ['Call-ID', callId],
          ['CSeq', '1 ACK'],
        ]),
        sip.sipPort,
        '127.0.0.1',
      );
      resolve(m);
    });
    udp.send(invite, sip.sipPort, '127.0.0.1');
  });
}

function bigCsv(): string {
  const lines = ['name,phone,tags'];
  for (let i = 0; i < ROWS; i++) lines.push(`Imported Person ${i},+447911${String(i).padStart(6, '0')},imported;batch`);
  return lines.join('\n');
}

test('routing lookups are answered while a large contact import runs', async () => {
  const cookie = await signIn(h, 'admin@acme.test');
  expect((await callUnknownNumber()).status).toBe(404);

  const body = JSON.stringify({ csv: bigCsv(), mapping: { name: 'name', primaryPhone: 'phone', tags: 'tags' } });
  let uploaded = false;
  let importDone = false;
  const imported = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${h.url}/api/contacts/import`,
      { method: 'POST', headers: { cookie, origin: h.origin, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          importDone = true;
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    req.on('finish', () => (uploaded = true));
    req.end(body);
  });

  // Calls arrive one after another for as long as the import runs.
  const duringImport: number[] = [];
  const latencies: number[] = [];
  const all: number[] = [];
  while (!importDone) {
    const sentAfterUpload = uploaded;
    const started = performance.now();
    const reply = await callUnknownNumber();
    all.push(reply.status ?? 0);
    if (sentAfterUpload && !importDone) {
      duringImport.push(reply.status ?? 0);
      latencies.push(performance.now() - started);
    }
  }
  const result = await imported;
  expect(result.status, result.body.slice(0, 300)).toBe(200);
  expect(JSON.parse(result.body).imported).toBe(ROWS);
  // No lookup missed its budget (no 503 fail-safe), and several were answered before the import finished.
  expect(all.every((s) => s === 404)).toBe(true);
  expect(duringImport.length).toBeGreaterThan(0);
  expect(duringImport.every((s) => s === 404)).toBe(true);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `[measured] ${duringImport.length} INVITEs answered during an import of ${ROWS} contacts (${body.length} bytes): INVITE→404 p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
  );
}, 120_000);
