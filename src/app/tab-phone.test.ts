import type { SipCredentials } from '../common/auth';
import { createPhoneStore, type CallSnapshot, type Phone } from '../sip';
import { createTabPhone } from './tab-phone';
import { fakeHub, fakeLocks } from './test-support/tab-fakes';

const credentials: SipCredentials = {
  username: '1700000000:101',
  password: 'secret-1',
  uri: 'sip:101@example.test',
  displayName: 'Ada Agent',
  domain: 'example.test',
  wsUrl: 'wss://sip.example.test/ws',
  expiresAt: 1_700_000_000_000,
};

const ringing = (id: string): CallSnapshot => ({
  id,
  sipCallId: `sip-${id}`,
  direction: 'inbound',
  status: 'ringing',
  remote: { uri: 'sip:+15550100@gw', user: '+15550100', displayName: '' },
  createdAt: 1,
  muted: false,
  held: false,
  remoteHeld: false,
});

/** A phone whose store behaves like the real one; its SIP side is a log of what it was asked to do. */
function recordingPhone(name: string, log: string[]): Phone {
  const store = createPhoneStore();
  const act =
    (what: string) =>
    (...args: unknown[]) =>
      void log.push(`${name} ${what} ${args.join(' ')}`.trim());
  return {
    store,
    start: async (c) => (act('start')(c.username), store.getState().setRegistration({ status: 'registered' })),
    stop: async () => (act('stop')(), store.getState().setRegistration({ status: 'unregistered' })),
    refreshRegistration: act('refreshRegistration'),
    call: async (target) => (act('call')(target), 'call-9'),
    callNumber: async (number) => (act('callNumber')(number), 'call-9'),
    sendText: async (number, body) => act('sendText')(number, body),
    answer: async (id) => {
      if (!store.getState().calls.some((c) => c.id === id)) throw new Error(`No call ${id}`);
      act('answer')(id);
      store.getState().updateCall(id, { status: 'active', startedAt: 2 });
    },
    decline: async (id) => act('decline')(id),
    hangup: async (id) => (act('hangup')(id), store.getState().endCall(id, 'hangup-local')),
    setMuted: (id, muted) => (act('setMuted')(id, muted), store.getState().updateCall(id, { muted })),
    setHeld: async (id, held) => (act('setHeld')(id, held), true),
    sendDtmf: (id, digits) => (act('sendDtmf')(id, digits), true),
    setInputDevice: async (id) => act('setInputDevice')(id),
    setOutputDevice: async (id) => act('setOutputDevice')(id),
    refreshDevices: async () => act('refreshDevices')(),
    updateCredentials: async (c) => act('updateCredentials')(c.username),
    dismissCall: (id) => store.getState().dismissCall(id),
    getRemoteStream: () => undefined,
    ownsContact: (contact) => contact.startsWith(`sip:${name}@`),
    resumeAudio: act('resumeAudio'),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function world() {
  const locks = fakeLocks();
  const channel = fakeHub();
  const log: string[] = [];
  const built: Record<string, Phone> = {};
  let n = 0;
  const openTab = () => {
    const tabId = `tab-${++n}`;
    const phone = createTabPhone({
      locks,
      openChannel: channel,
      tabId,
      createPhone: () => (built[tabId] = recordingPhone(tabId, log)),
    });
    void phone.start(credentials);
    return phone;
  };
  return { openTab, log, built };
}

describe('the phone shared by the tabs of one agent', () => {
  test('only the first tab builds and registers a phone; the second mirrors its state', async () => {
    const { openTab, log, built } = world();
    const first = openTab();
    const second = openTab();
    await flush();
    expect(Object.keys(built)).toEqual(['tab-1']);
    expect(log).toEqual(['tab-1 start 1700000000:101']);
    expect(first.role()).toBe('owner');
    expect(second.role()).toBe('follower');
    expect(second.store.getState().registration).toEqual({ status: 'registered' });
    built['tab-1']!.store.getState().addCall(ringing('call-1'));
    await flush();
    expect(second.store.getState().calls.map((c) => [c.id, c.status])).toEqual([['call-1', 'ringing']]);
  });

  test("the follower's answer, mute and hang up run in the owner, and their effect comes back", async () => {
    const { openTab, log, built } = world();
    openTab();
    const second = openTab();
    await flush();
    built['tab-1']!.store.getState().addCall(ringing('call-1'));
    await flush();
    await second.answer('call-1');
    second.setMuted('call-1', true);
    await flush();
    expect(second.store.getState().calls[0]).toMatchObject({ status: 'active', muted: true });
    await second.hangup('call-1');
    await flush();
    expect(second.store.getState().calls[0]).toMatchObject({ status: 'ended', endCause: 'hangup-local' });
    await expect(second.call('102')).resolves.toBe('call-9');
    expect(log).toEqual([
      'tab-1 start 1700000000:101',
      'tab-1 answer call-1',
      'tab-1 setMuted call-1 true',
      'tab-1 hangup call-1',
      'tab-1 call 102',
    ]);
  });

  test("the owner's refusal reaches the follower as an error; unknown commands are refused", async () => {
    const { openTab } = world();
    openTab();
    const second = openTab();
    await flush();
    await expect(second.answer('call-404')).rejects.toThrow('No call call-404');
    const channel = fakeHub();
    const owner = createTabPhone({
      locks: fakeLocks(),
      openChannel: channel,
      tabId: 'owner',
      createPhone: () => recordingPhone('owner', []),
    });
    void owner.start(credentials);
    await flush();
    const forged = channel();
    const answers: unknown[] = [];
    forged.addEventListener('message', ({ data }) => answers.push(data));
    forged.postMessage({ kind: 'command', from: 'x', requestId: 'x:1', name: 'stop', args: [] });
    await flush();
    expect(answers).toContainEqual(expect.objectContaining({ ok: false, error: 'Unknown phone command "stop"' }));
    expect(owner.store.getState().registration.status).toBe('registered');
  });

  test('a follower renews its credentials without touching any phone, and never refreshes a registration', async () => {
    const { openTab, log } = world();
    openTab();
    const second = openTab();
    await flush();
    await second.updateCredentials({ ...credentials, username: '1700009999:101' });
    second.refreshRegistration();
    expect(log).toEqual(['tab-1 start 1700000000:101']);
  });

  test('when the owner closes, the next tab builds its own phone with the newest credentials', async () => {
    const { openTab, log, built } = world();
    const first = openTab();
    const second = openTab();
    const third = openTab();
    await flush();
    built['tab-1']!.store.getState().addCall(ringing('call-1'));
    await second.updateCredentials({ ...credentials, username: '1700009999:101' });
    await first.stop();
    await flush();
    expect(Object.keys(built)).toEqual(['tab-1', 'tab-2']);
    expect(log).toEqual(['tab-1 start 1700000000:101', 'tab-1 stop', 'tab-2 start 1700009999:101']);
    expect(second.role()).toBe('owner');
    // The closed tab's calls ended with it: the new owner shows its own (none).
    expect(second.store.getState().calls).toEqual([]);
    expect(third.store.getState().calls).toEqual([]);
    expect(third.store.getState().registration).toEqual({ status: 'registered' });
    expect(first.store.getState().registration).toEqual({ status: 'unregistered' });
  });

  test('a device refresh asked while the phone moves to this tab is not an error: the new owner lists its own', async () => {
    const { openTab, built } = world();
    const first = openTab();
    const second = openTab();
    await flush();
    built['tab-1']!.store.getState().setRegistration({ status: 'registered' });
    // The owner closes with the follower's refresh on its way: the follower becomes the owner before any answer.
    const refreshed = second.refreshDevices();
    await first.stop();
    await expect(refreshed).resolves.toBeUndefined();
    await flush();
    expect(second.role()).toBe('owner');
  });

  test("each tab's role is a store the ring, notifications and leave question follow; it moves with the phone", async () => {
    const { openTab } = world();
    const first = openTab();
    const second = openTab();
    await flush();
    const roles = () => [first.tab.getState().role, second.tab.getState().role];
    expect(roles()).toEqual(['owner', 'follower']);
    await first.stop();
    await flush();
    expect(roles()).toEqual(['stopped', 'owner']);
  });

  test('another window registering takes the phone: every tab says so, and Take it back registers again', async () => {
    const { openTab, log, built } = world();
    const first = openTab();
    const second = openTab();
    await flush();
    first.contactRegistered('sip:tab-1@abc.invalid;transport=ws');
    expect(first.store.getState().registration.elsewhere).toBeUndefined();
    first.contactRegistered('sip:other-browser@xyz.invalid;transport=ws');
    await flush();
    expect(log).toEqual(['tab-1 start 1700000000:101', 'tab-1 stop']);
    for (const tab of [first, second]) {
      expect(tab.store.getState().registration).toMatchObject({
        elsewhere: true,
        reason: 'Your phone is active in another window',
      });
    }
    // Neither a feed reconnect nor renewed credentials register it again behind the agent's back.
    first.refreshRegistration();
    await first.updateCredentials({ ...credentials, username: '1700009999:101' });
    expect(log).toHaveLength(2);
    await second.takeBack();
    await flush();
    expect(log).toEqual(['tab-1 start 1700000000:101', 'tab-1 stop', 'tab-1 start 1700009999:101']);
    expect(second.store.getState().registration).toEqual({ status: 'registered' });
    expect(built['tab-1']!.store.getState().registration).toEqual({ status: 'registered' });
  });

  test('a call in progress when another window registers goes on until it ends; then the phone stops', async () => {
    const { openTab, log, built } = world();
    const first = openTab();
    await flush();
    const real = built['tab-1']!;
    real.store.getState().addCall({ ...ringing('call-1'), status: 'active' });
    first.contactRegistered('sip:other-browser@xyz.invalid;transport=ws');
    expect(log).toEqual(['tab-1 start 1700000000:101']);
    expect(first.store.getState().calls[0]).toMatchObject({ status: 'active' });
    await first.hangup('call-1');
    expect(log).toEqual(['tab-1 start 1700000000:101', 'tab-1 hangup call-1', 'tab-1 stop']);
  });
});
