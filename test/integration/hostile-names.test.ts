import { NameAddrHeader, URI } from 'sip.js';
import { sipDisplayName } from '../../src/common/domain/sip-display-name';
import { apiAs } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';
import { buildMessage, header, headerAll, type SipMessage } from './sip-support/sip-message';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';

// A name made to break out of the From header: a quote to end the display name, CR/LF to start headers.
const HOSTILE = 'Eve" <sip:9999@evil>\r\nX-Injected: yes\r\nP-Asserted-Identity: <sip:+4420@x>\r\n\r\n';
let sip: TestSipStack;
let h: Harness;
const phones: WsSipClient[] = [];
beforeAll(async () => {
  const secret = 'hostile-names-secret-0123456789abcdef';
  h = await startSeededCompanion({ SIP_AUTH_SECRET: secret, SIP_DOMAIN: '127.0.0.1' });
  // Kamailio asks the companion which organisation each extension belongs to.
  sip = await startTestSipStack({ secret, hookUrl: h.hookUrl });
}, 60_000);
afterAll(async () => {
  for (const p of phones) p.close();
  await h?.stop();
  await sip?.stop();
});

test.each([
  { why: 'a quote', name: 'Eve "boss"' },
  { why: 'a line break', name: 'Eve\r\nX-Injected: yes' },
  { why: 'angle brackets', name: 'Eve <sip:1@x>' },
])('the API refuses a staff name with $why, naming the field; nothing is saved', async ({ name }) => {
  const admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  const created = await admin.post('/api/staff', {
    name,
    email: 'eve@acme.test',
    role: 'agent',
    extension: '1077',
    password: 'tidal-copper-lantern',
  });
  expect(created.status).toBe(400);
  expect(created.body.error.path).toEqual(['name']);
  const renamed = await admin.patch('/api/staff/staff-carol', { name });
  expect(renamed.status).toBe(400);
  expect(h.repos.staff.findById('staff-carol')?.name).toBe('Carol Agent');
  expect(h.repos.staff.findByEmail('eve@acme.test')).toBeUndefined();
});

/** The callee answers 486 so the caller's transaction ends. */
function busy(phone: WsSipClient, invite: SipMessage) {
  phone.send(
    buildMessage('SIP/2.0 486 Busy Here', [
      ...headerAll(invite, 'via').map((v) => ['Via', v] as [string, string]),
      ['From', header(invite, 'from')!],
      ['To', `${header(invite, 'to')!};tag=callee1`],
      ['Call-ID', header(invite, 'call-id')!],
      ['CSeq', header(invite, 'cseq')!],
    ]),
  );
}

test('a hostile name already stored reaches the callee as one escaped display name: no header is injected', async () => {
  // As if saved before names were checked.
  h.repos.staff.update('org-demo', 'staff-alice', { name: HOSTILE });
  const alice = await signIn(h, 'alice@acme.test');
  const creds = (await apiAs(h, alice).get('/api/sip/credentials')).body;
  const bob = (await apiAs(h, await signIn(h, 'bob@acme.test')).get('/api/sip/credentials')).body;

  const callee = await WsSipClient.connect(sip.wsUrl);
  const caller = await WsSipClient.connect(sip.wsUrl);
  phones.push(callee, caller);
  expect((await callee.register({ extension: '1002', domain: sip.domain, credentials: bob })).status).toBe(200);
  expect((await caller.register({ extension: '1001', domain: sip.domain, credentials: creds })).status).toBe(200);

  // The From the browser's sip.js writes with the name the phone module gives it.
  const from = new NameAddrHeader(new URI('sip', '1001', sip.domain), sipDisplayName(creds.displayName), {}).toString();
  const fromDisplay = from.slice(0, from.indexOf('<')).trim();
  const received = callee.next((m) => m.method === 'INVITE');
  const call = caller.invite({
    from: '1001',
    target: `sip:1002@${sip.domain}`,
    domain: sip.domain,
    credentials: creds,
    fromDisplay,
  });
  const invite = await Promise.race([
    received,
    call.then((r) => {
      throw new Error('caller got ' + JSON.stringify(r.reply.status) + ' ' + r.reply.raw);
    }),
  ]);
  busy(callee, invite);
  expect((await call).ok).toBe(false);

  // What Kamailio relayed, raw: no injected header, one From, and its display name is the escaped name.
  const names = invite.headers.map(([n]) => n.toLowerCase());
  expect(names).not.toContain('x-injected');
  expect(names).not.toContain('p-asserted-identity');
  expect(names.filter((n) => n === 'from' || n === 'f')).toHaveLength(1);
  expect(invite.raw).not.toMatch(/\r\nX-Injected/i);
  const relayedFrom = header(invite, 'from')!;
  expect(relayedFrom).toMatch(
    /^"Eve' \(sip:9999@evil\) X-Injected: yes P-Asserted-Identity: \(sip:\+4420@x\)" <sip:1001@/,
  );
});
