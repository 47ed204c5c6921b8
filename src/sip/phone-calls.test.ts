import { response } from './test-support/fake-user-agent';
import { phoneHarness } from './test-support/phone-harness';

async function ringing(h: ReturnType<typeof phoneHarness>, from = '200', name = 'Bob Buyer') {
  const invitation = h.ua().ring(from, name);
  const id = h.state().calls.at(-1)!.id;
  return { invitation, id };
}

describe('incoming calls', () => {
  test('an INVITE shows as a ringing call; sip.js alone sends the 180', async () => {
    const h = phoneHarness();
    await h.registered();
    await h.timers.advance(1234);
    const { invitation, id } = await ringing(h);
    expect(h.call(id)).toMatchObject({
      direction: 'inbound',
      status: 'ringing',
      remote: { uri: 'sip:200@example.test', user: '200', displayName: 'Bob Buyer' },
      sipCallId: `${invitation.id}@test`,
      createdAt: 1234,
      muted: false,
      held: false,
    });
    expect(invitation.progress).not.toHaveBeenCalled();
    expect(h.statuses.at(-1)).toEqual({ registration: 'registered', ringing: 1, activeCalls: 0, connected: 0 });
  });

  test('answer accepts with call-centre mic processing and the call becomes active', async () => {
    const h = phoneHarness();
    await h.registered();
    const { invitation, id } = await ringing(h);
    await h.timers.advance(5000);
    await h.phone.answer(id);
    expect(invitation.accept).toHaveBeenCalledWith({
      sessionDescriptionHandlerOptions: {
        constraints: {
          audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
          video: false,
        },
      },
    });
    expect(h.call(id)).toMatchObject({ status: 'active', startedAt: 5000 });
    expect(h.statuses.at(-1)).toEqual({ registration: 'registered', ringing: 0, activeCalls: 1, connected: 1 });
  });

  test('mic processing is configurable (tone measurements turn it off)', async () => {
    const off = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
    const h = phoneHarness({ audioConstraints: off });
    await h.registered();
    const { invitation, id } = await ringing(h);
    await h.phone.answer(id);
    expect(invitation.accept.mock.calls[0]?.[0]?.sessionDescriptionHandlerOptions?.constraints).toEqual({
      audio: off,
      video: false,
    });
  });

  test('the far end is played on an audio element once answered', async () => {
    const h = phoneHarness();
    await h.registered();
    const { invitation, id } = await ringing(h);
    await h.phone.answer(id);
    expect(h.audio).toHaveLength(1);
    expect(h.audio[0]?.srcObject).toBe(invitation.sessionDescriptionHandler?.remoteMediaStream);
    expect(h.audio[0]?.play).toHaveBeenCalled();
    expect(h.phone.getRemoteStream(id)).toBe(h.audio[0]?.srcObject);
  });

  test('call waiting: answering a second call holds the first, then answers', async () => {
    const h = phoneHarness();
    await h.registered();
    const first = await ringing(h, '200');
    await h.phone.answer(first.id);
    const second = await ringing(h, '300');
    expect(h.state().calls.map((c) => c.status)).toEqual(['active', 'ringing']);
    const answering = h.phone.answer(second.id);
    await Promise.resolve();
    expect(first.invitation.lastReInvite().hold).toBe(true);
    expect(second.invitation.accept).not.toHaveBeenCalled();
    first.invitation.lastReInvite().delegate?.onAccept?.(response(200));
    await answering;
    expect(second.invitation.accept).toHaveBeenCalled();
    expect(h.call(first.id)).toMatchObject({ status: 'held', held: true });
    expect(h.call(second.id)?.status).toBe('active');
    expect(first.invitation.sessionDescriptionHandler?.sender.track?.enabled).toBe(false);
  });

  test('decline rejects with 486 (so routing can move on) and ends as declined', async () => {
    const h = phoneHarness();
    await h.registered();
    const { invitation, id } = await ringing(h);
    await h.phone.decline(id);
    expect(invitation.reject).toHaveBeenCalledWith({ statusCode: 486 });
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: 'declined' });
  });

  test.each([
    [undefined, 'cancelled'],
    ['SIP;cause=200;text="Call completed elsewhere"', 'answered-elsewhere'],
  ] as const)('the caller cancelling (Reason %s) ends as %s', async (reason, cause) => {
    const h = phoneHarness();
    await h.registered();
    const { invitation, id } = await ringing(h);
    invitation.cancelledByCaller(reason);
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: cause });
  });
});

describe('calls to customers', () => {
  test('callNumber presents the chosen caller ID and asks for engagement mode', async () => {
    const h = phoneHarness();
    await h.registered();
    const id = await h.phone.callNumber('+44 20 7946 0123', { callerId: '+442071234567', engagement: true });
    const inviter = h.ua().inviters[0]!;
    expect(inviter.target).toBe('sip:+442079460123@example.test');
    expect(inviter.options.extraHeaders).toEqual(['X-Caller-ID: +442071234567', 'X-Engagement: 1']);
    expect(h.call(id)).toMatchObject({ callerId: '+442071234567', engagement: true });
  });

  test('callNumber refuses what is not a phone number (an extension, letters)', async () => {
    const h = phoneHarness();
    await h.registered();
    await expect(h.phone.callNumber('1002')).rejects.toThrow('Enter a phone number');
    await expect(h.phone.callNumber('call me')).rejects.toThrow('Enter a phone number');
    expect(h.ua().inviters).toHaveLength(0);
  });

  test('a refusal by the server keeps its words for the card', async () => {
    const h = phoneHarness();
    await h.registered();
    const id = await h.phone.callNumber('+442079460123', { callerId: '+442071234569' });
    h.ua().inviters[0]!.rejected(403, 'You may not present +44 20 7123 4569 as your caller ID');
    expect(h.call(id)).toMatchObject({
      status: 'ended',
      endCause: 'forbidden',
      endReason: 'You may not present +44 20 7123 4569 as your caller ID',
    });
  });
});

describe('outgoing calls', () => {
  test('dialing → early on 18x → active on 200, with caller ID header and early media', async () => {
    const h = phoneHarness();
    await h.registered();
    const id = await h.phone.call('(555) 010-2030', { callerId: '+15550100', headers: ['X-Lead: 42'] });
    const inviter = h.ua().inviters[0]!;
    expect(inviter.target).toBe('sip:5550102030@example.test');
    expect(inviter.options).toMatchObject({
      earlyMedia: true,
      extraHeaders: ['X-Lead: 42', 'X-Caller-ID: +15550100'],
    });
    expect(h.call(id)).toMatchObject({ direction: 'outbound', status: 'dialing', callerId: '+15550100' });
    expect(h.statuses.at(-1)?.activeCalls).toBe(1);
    inviter.progress(100);
    expect(h.call(id)?.status).toBe('dialing');
    inviter.progress(183);
    expect(h.call(id)?.status).toBe('early');
    inviter.answered();
    expect(h.call(id)?.status).toBe('active');
  });

  test.each([
    [486, 'busy'],
    [404, 'not-found'],
    [480, 'unavailable'],
    [603, 'declined'],
    [403, 'forbidden'],
  ] as const)('a %i answer ends the call as %s', async (code, cause) => {
    const h = phoneHarness();
    await h.registered();
    const id = await h.phone.call('200');
    h.ua().inviters[0]!.rejected(code);
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: cause });
  });

  test('hanging up before the answer cancels', async () => {
    const h = phoneHarness();
    await h.registered();
    const id = await h.phone.call('200');
    await h.phone.hangup(id);
    expect(h.ua().inviters[0]!.cancel).toHaveBeenCalled();
    h.ua().inviters[0]!.rejected(487);
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: 'cancelled' });
  });

  test('rejects a target that is neither an extension nor a number', async () => {
    const h = phoneHarness();
    await h.registered();
    await expect(h.phone.call('hello world!')).rejects.toThrow('Enter an extension or a phone number');
  });
});

describe('during a call', () => {
  async function talking() {
    const h = phoneHarness();
    await h.registered();
    const { invitation, id } = await ringing(h);
    await h.phone.answer(id);
    return { h, invitation, id, sdh: invitation.sessionDescriptionHandler! };
  }

  test('mute disables the sent track (the far end hears silence); unmute restores it', async () => {
    const { h, id, sdh } = await talking();
    h.phone.setMuted(id, true);
    expect(sdh.sender.track?.enabled).toBe(false);
    expect(h.call(id)?.muted).toBe(true);
    h.phone.setMuted(id, false);
    expect(sdh.sender.track?.enabled).toBe(true);
  });

  test('hold re-INVITEs with hold and shows held once accepted; resume reverses it', async () => {
    const { h, invitation, id, sdh } = await talking();
    const holding = h.phone.setHeld(id, true);
    expect(invitation.lastReInvite().hold).toBe(true);
    expect(h.call(id)?.status).toBe('active');
    invitation.lastReInvite().delegate?.onAccept?.(response(200));
    await expect(holding).resolves.toBe(true);
    expect(h.call(id)).toMatchObject({ status: 'held', held: true });
    expect(sdh.sender.track?.enabled).toBe(false);
    const resuming = h.phone.setHeld(id, false);
    expect(invitation.lastReInvite().hold).toBe(false);
    invitation.lastReInvite().delegate?.onAccept?.(response(200));
    await expect(resuming).resolves.toBe(true);
    expect(h.call(id)).toMatchObject({ status: 'active', held: false });
    expect(sdh.sender.track?.enabled).toBe(true);
  });

  test('a refused hold leaves the call as it was, and says it was refused until a hold works', async () => {
    const { h, invitation, id } = await talking();
    const holding = h.phone.setHeld(id, true);
    invitation.lastReInvite().delegate?.onReject?.(response(488));
    await expect(holding).resolves.toBe(false);
    expect(h.call(id)).toMatchObject({ status: 'active', held: false, holdRefused: true });
    expect(invitation.sessionDescriptionHandlerOptionsReInvite.hold).toBe(false);
    const again = h.phone.setHeld(id, true);
    invitation.lastReInvite().delegate?.onAccept?.(response(200));
    await expect(again).resolves.toBe(true);
    expect(h.call(id)).toMatchObject({ status: 'held', holdRefused: false });
  });

  test('the far end holding us is shown, and so is its resume', async () => {
    const { h, invitation, id } = await talking();
    const offer = (dir: string) => ({ body: `v=0\r\nm=audio 9 RTP/AVP 0\r\na=${dir}\r\n` });
    invitation.delegate?.onInvite?.(offer('sendonly'), '', 200);
    expect(h.call(id)?.remoteHeld).toBe(true);
    invitation.delegate?.onInvite?.(offer('sendrecv'), '', 200);
    expect(h.call(id)?.remoteHeld).toBe(false);
  });

  test('DTMF goes in the media (RFC 4733) through the session description handler', async () => {
    const { h, id, sdh } = await talking();
    expect(h.phone.sendDtmf(id, '5')).toBe(true);
    expect(h.phone.sendDtmf(id, '#')).toBe(true);
    expect(h.phone.sendDtmf(id, 'x')).toBe(false);
    expect(sdh.dtmf).toEqual(['5', '#']);
  });

  test('switching microphone mid-call replaces the sent track, keeping mute', async () => {
    const { h, id, sdh } = await talking();
    h.phone.setMuted(id, true);
    const old = sdh.sender.track!;
    await h.phone.setInputDevice('headset-mic');
    expect(h.media.getUserMedia).toHaveBeenLastCalledWith({
      audio: {
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
        deviceId: { exact: 'headset-mic' },
      },
      video: false,
    });
    expect(sdh.sender.replaceTrack).toHaveBeenCalledWith(h.media.tracks.at(-1));
    expect(sdh.sender.track).toBe(h.media.tracks.at(-1));
    expect(sdh.sender.track?.enabled).toBe(false);
    expect(old.stop).toHaveBeenCalled();
    expect(h.state().devices.inputId).toBe('headset-mic');
  });

  test('switching speaker mid-call moves the playing audio', async () => {
    const { h } = await talking();
    await h.phone.setOutputDevice('headset');
    expect(h.audio[0]?.setSinkId).toHaveBeenCalledWith('headset');
    expect(h.state().devices.outputId).toBe('headset');
  });

  test('hanging up sends BYE and ends as hangup-local; it disappears after a few seconds', async () => {
    const { h, invitation, id } = await talking();
    await h.phone.hangup(id);
    expect(invitation.bye).toHaveBeenCalled();
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: 'hangup-local' });
    expect(h.audio[0]?.srcObject).toBeNull();
    await h.timers.advance(5000);
    expect(h.call(id)).toBeUndefined();
  });

  test('the far end hanging up: BYE accepted, ends as hangup-remote', async () => {
    const { h, invitation, id } = await talking();
    const accept = vi.fn(async () => undefined);
    invitation.delegate?.onBye?.({ accept });
    invitation.to('Terminated');
    expect(accept).toHaveBeenCalled();
    expect(h.call(id)).toMatchObject({ status: 'ended', endCause: 'hangup-remote' });
    expect(h.statuses.at(-1)).toEqual({ registration: 'registered', ringing: 0, activeCalls: 0, connected: 0 });
  });
});

test('lists audio devices, with fallback labels before permission is granted', async () => {
  const h = phoneHarness();
  await h.phone.refreshDevices();
  expect(h.state().devices).toMatchObject({
    inputs: [
      { deviceId: 'default', label: 'Default mic' },
      { deviceId: 'headset-mic', label: 'Microphone 2' },
    ],
    outputs: [{ deviceId: 'headset', label: 'Headset' }],
  });
});
