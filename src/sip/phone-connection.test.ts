import { flush } from './test-support/fake-user-agent';
import { credentials, phoneHarness } from './test-support/phone-harness';

describe('start and registration', () => {
  test('configures sip.js for our network: no public STUN, short ICE wait, own reconnects', async () => {
    const h = phoneHarness();
    await h.phone.start(credentials);
    const options = h.ua().options;
    expect(options.sessionDescriptionHandlerFactoryOptions).toMatchObject({
      peerConnectionConfiguration: { iceServers: [] },
      iceGatheringTimeout: 500,
    });
    expect(options).toMatchObject({
      authorizationUsername: '1700000000:101',
      authorizationPassword: 'secret-1',
      transportOptions: { server: 'wss://sip.example.test/ws' },
      logLevel: 'warn',
      reconnectionAttempts: 0,
      displayName: 'Ada Agent',
    });
    expect(String(options.uri)).toBe('sip:101@example.test');
  });

  test('connecting, then registered once the REGISTER is accepted; presence hears of it', async () => {
    const h = phoneHarness();
    const started = h.phone.start(credentials);
    expect(h.state().registration.status).toBe('connecting');
    await started;
    expect(h.ua().registerer.sent).toHaveLength(1);
    expect(h.state().registration.status).toBe('connecting');
    h.ua().registerer.accept();
    expect(h.state().registration).toEqual({ status: 'registered' });
    expect(h.statuses.at(-1)).toEqual({ registration: 'registered', ringing: 0, activeCalls: 0, connected: 0 });
  });

  test('a refused REGISTER fails with a human reason', async () => {
    const h = phoneHarness();
    await h.phone.start(credentials);
    h.ua().registerer.reject(403, 'Forbidden');
    expect(h.state().registration).toEqual({
      status: 'failed',
      reason: 'Server refused the credentials (403)',
    });
  });

  test('an unreachable server fails with a reason and keeps retrying with backoff', async () => {
    const h = phoneHarness();
    const ua = () => h.ua();
    h.phone.start(credentials).catch(() => undefined);
    ua().reachable = false;
    await flush();
    expect(h.state().registration).toEqual({ status: 'failed', reason: 'SIP server unreachable' });
    expect(h.timers.pending()).toEqual([500]);
    await h.timers.advance(500);
    expect(ua().reconnect).toHaveBeenCalledTimes(1);
    expect(h.timers.pending()).toEqual([1000]);
    ua().reachable = true;
    await h.timers.advance(1000);
    expect(ua().reconnect).toHaveBeenCalledTimes(2);
    ua().registerer.accept();
    expect(h.state().registration.status).toBe('registered');
  });
});

describe('reconnecting', () => {
  test('a drop reconnects with exponential backoff and registers afresh on connect', async () => {
    const h = phoneHarness();
    await h.registered();
    const ua = h.ua();
    ua.reachable = false;
    ua.drop();
    expect(h.state().registration.status).toBe('connecting');
    for (const [delay, attempts] of [
      [500, 1],
      [1000, 2],
      [2000, 3],
      [4000, 4],
    ] as const) {
      expect(h.timers.pending()).toEqual([delay]);
      await h.timers.advance(delay);
      expect(ua.reconnect).toHaveBeenCalledTimes(attempts);
    }
    ua.reachable = true;
    await h.timers.advance(8000);
    // sip.js still says Registered: we must not trust it, a new REGISTER goes out.
    expect(ua.registerers.flatMap((r) => r.sent)).toHaveLength(2);
    ua.registerer.accept();
    expect(h.state().registration.status).toBe('registered');
    // The next drop starts from the shortest delay again.
    ua.drop();
    expect(h.timers.pending()).toEqual([500]);
  });

  test('a REGISTER left pending by the drop is abandoned for a fresh Registerer', async () => {
    const h = phoneHarness();
    await h.phone.start(credentials); // REGISTER sent, never answered
    const ua = h.ua();
    ua.drop();
    await h.timers.advance(500);
    expect(ua.registerers).toHaveLength(2);
    ua.registerer.accept();
    expect(h.state().registration.status).toBe('registered');
    // A late answer to the abandoned REGISTER changes nothing.
    ua.registerers[0]?.reject(408);
    expect(h.state().registration.status).toBe('registered');
  });

  test('after a reconnect, each established call is re-INVITEd; ringing ones are not', async () => {
    const h = phoneHarness();
    await h.registered();
    const ua = h.ua();
    const talking = ua.ring('200');
    await h.phone.answer(h.state().calls[0]!.id);
    const ringing = ua.ring('300');
    ua.drop();
    expect(talking.reInvites).toHaveLength(0);
    await h.timers.advance(500);
    expect(talking.reInvites).toHaveLength(1);
    expect(ringing.reInvites).toHaveLength(0);
    expect(h.state().calls.map((c) => c.status)).toEqual(['active', 'ringing']);
  });

  test('a call the server forgot during the drop ends as a network loss', async () => {
    const h = phoneHarness();
    await h.registered();
    const talking = h.ua().ring('200');
    const id = h.state().calls[0]!.id;
    await h.phone.answer(id);
    h.ua().drop();
    await h.timers.advance(500);
    talking.lastReInvite().delegate?.onReject?.({
      message: { statusCode: 481, reasonPhrase: '', getHeader: () => undefined },
    });
    talking.to('Terminated');
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: 'network' });
  });
});

describe('credentials', () => {
  test('renewed credentials re-register on the same user agent; calls carry on', async () => {
    const h = phoneHarness();
    await h.registered();
    const talking = h.ua().ring('200');
    await h.phone.answer(h.state().calls[0]!.id);
    await h.phone.updateCredentials({ ...credentials, username: '1700003600:101', password: 'secret-2' });
    expect(h.agents).toHaveLength(1);
    expect(h.ua().configuration).toEqual({
      authorizationUsername: '1700003600:101',
      authorizationPassword: 'secret-2',
    });
    const sent = h.ua().registerers.flatMap((r) => r.sent);
    expect(sent.map((s) => s.username)).toEqual(['1700000000:101', '1700003600:101']);
    // The renewed REGISTER must not carry the previous challenge's Authorization (old credentials).
    expect(h.ua().registerers[0]!.forgotten).toBe(1);
    expect(talking.bye).not.toHaveBeenCalled();
    expect(h.state().calls[0]?.status).toBe('active');
  });

  test('a different identity starts a new user agent', async () => {
    const h = phoneHarness();
    await h.registered();
    await h.phone.updateCredentials({ ...credentials, uri: 'sip:102@example.test' });
    expect(h.agents).toHaveLength(2);
    expect(h.agents[0]?.stop).toHaveBeenCalled();
  });

  test('a lapsed automatic refresh shows as failed', async () => {
    const h = phoneHarness();
    await h.registered();
    h.ua().registerer.state = 'Unregistered';
    h.ua().registerer.stateChange.emit('Unregistered');
    expect(h.state().registration).toEqual({ status: 'failed', reason: 'Registration lapsed' });
  });
});

test('stop ends calls, unregisters and stops reconnecting', async () => {
  const h = phoneHarness();
  await h.registered();
  h.ua().ring('200');
  const ua = h.ua();
  ua.drop();
  await h.phone.stop();
  expect(ua.stop).toHaveBeenCalled();
  expect(h.state().registration.status).toBe('unregistered');
  expect(h.state().calls[0]).toMatchObject({ status: 'ended', endCause: 'hangup-local' });
  expect(h.timers.pending()).not.toContain(500);
  expect(h.statuses.at(-1)).toEqual({ registration: 'unregistered', ringing: 0, activeCalls: 0, connected: 0 });
});
