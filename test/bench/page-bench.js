// In-page half of the latency bench, injected into each agent page with page.addScriptTag (plain JS so
// nothing from the Node-side compiler leaks into the page). Installs `window.__bench`.
// Times are epoch ms from performance.timeOrigin + performance.now(): sub-ms and comparable across the two
// Chromium processes, which share this machine's clock.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const sb = () => window.switchboard;
  const ctx = new AudioContext();
  void ctx.resume();

  // What went out on the SIP WebSocket, by first line: REGISTER / INVITE sent, 200 OK to an INVITE sent.
  const sent = [];
  const nativeSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string') {
      const callId = /\r\nCall-ID:\s*(\S+)/i.exec(data)?.[1];
      if (data.startsWith('REGISTER ')) sent.push({ kind: 'register', t: now(), callId });
      else if (data.startsWith('INVITE ')) sent.push({ kind: 'invite', t: now(), callId });
      else if (data.startsWith('SIP/2.0 200') && /\r\nCSeq:\s*\d+ INVITE/i.test(data))
        sent.push({ kind: 'ok', t: now(), callId });
    }
    return nativeSend.call(this, data);
  };
  const firstSent = (kind, callId, after) =>
    sent.find((s) => s.kind === kind && (!callId || s.callId === callId) && s.t >= after)?.t;

  /**
   * Polls `getStream()` every `everyMs` until its audio is the tone `hz`: RMS over a 1024-sample window
   * (21 ms at 48 kHz) above `minRms` and the loudest FFT bin within `tolHz` of `hz`. Resolves the epoch ms.
   */
  const waitForTone = (getStream, hz, { minRms = 0.01, tolHz = 50, everyMs = 2, timeoutMs = 10_000 } = {}) =>
    new Promise((resolve, reject) => {
      const started = now();
      let analyser;
      let source;
      const time = new Float32Array(1024);
      const freq = new Float32Array(512);
      const finish = (err, t) => {
        clearInterval(timer);
        source?.disconnect();
        if (err) reject(err);
        else resolve(t);
      };
      const timer = setInterval(() => {
        if (now() - started > timeoutMs) return finish(new Error(`no ${hz} Hz tone within ${timeoutMs} ms`));
        if (!analyser) {
          const stream = getStream();
          if (!stream || stream.getAudioTracks().length === 0) return;
          analyser = ctx.createAnalyser();
          analyser.fftSize = 1024;
          analyser.smoothingTimeConstant = 0;
          source = ctx.createMediaStreamSource(stream);
          source.connect(analyser);
        }
        analyser.getFloatTimeDomainData(time);
        let sum = 0;
        for (let i = 0; i < time.length; i++) sum += time[i] * time[i];
        if (Math.sqrt(sum / time.length) < minRms) return;
        analyser.getFloatFrequencyData(freq);
        let peak = 1;
        for (let i = 2; i < freq.length; i++) if (freq[i] > freq[peak]) peak = i;
        if (Math.abs((peak * ctx.sampleRate) / analyser.fftSize - hz) <= tolHz) finish(undefined, now());
      }, everyMs);
    });

  /**
   * Callee side: answer every inbound call the moment the store shows it ringing; log when, and when the
   * caller's tone `callerHz` is first heard (the far end hears us).
   */
  const answered = new Map();
  const autoAnswer = (callerHz) =>
    sb().phone.store.subscribe((state) => {
      for (const c of state.calls) {
        if (c.direction !== 'inbound' || c.status !== 'ringing' || answered.has(c.sipCallId)) continue;
        const ringing = now();
        const heard = waitForTone(() => sb().phone.getRemoteStream(c.id), callerHz).catch(() => undefined);
        answered.set(c.sipCallId, { ringing, answer: ringing, heard });
        void sb().phone.answer(c.id);
      }
    });

  const liveCalls = () =>
    sb()
      .phone.store.getState()
      .calls.filter((c) => c.status !== 'ended').length;
  const whenStatus = (id, status) =>
    new Promise((resolve) => {
      const check = (s) => s.calls.find((c) => c.id === id)?.status === status;
      if (check(sb().phone.store.getState())) return resolve(now());
      const un = sb().phone.store.subscribe((s) => {
        if (check(s)) {
          un();
          resolve(now());
        }
      });
    });

  /** phone.stop(), fetch fresh credentials, then time phone.start() → store says 'registered'. */
  const register = async () => {
    await sb().phone.stop();
    const res = await fetch('/api/sip/credentials', { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error(`credentials: HTTP ${res.status}`);
    const creds = await res.json();
    const store = sb().phone.store;
    const t0 = now();
    const registered = new Promise((resolve, reject) => {
      const un = store.subscribe((s) => {
        if (s.registration.status === 'registered') {
          un();
          resolve(now());
        } else if (s.registration.status === 'failed') {
          un();
          reject(new Error(`registration failed: ${s.registration.reason}`));
        }
      });
    });
    void sb().phone.start(creds);
    const t1 = await registered;
    return { start: t0, firstRegister: firstSent('register', undefined, t0), registered: t1 };
  };

  /** Until the phone has a pre-warmed connection ready (or pre-warming is off); untimed. */
  const warmed = async (want) => {
    for (let i = 0; i < 500; i++) {
      const s = sb().phone.prewarmState();
      if (want ? s.pool === 'ready' : s.pool === 'off' && !s.micHeld) return s;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`pre-warm never became ${want ? 'ready' : 'off'}: ${JSON.stringify(sb().phone.prewarmState())}`);
  };

  /**
   * Caller side: phone.call(target) → first moment the callee's tone is heard; then hang up once the callee
   * has heard us too (`calleeHeard`, a promise from the other page, is awaited by the bench, not here).
   */
  const call = async (target, hz, prewarm) => {
    await warmed(prewarm);
    const t0 = now();
    const id = await sb().phone.call(target);
    const sipCallId = sb()
      .phone.store.getState()
      .calls.find((c) => c.id === id)?.sipCallId;
    const active = whenStatus(id, 'active');
    const heard = await waitForTone(() => sb().phone.getRemoteStream(id), hz);
    const activeAt = await active;
    return { start: t0, sipCallId, invite: firstSent('invite', sipCallId, t0), active: activeAt, heard };
  };

  const calleeLog = async (sipCallId) => {
    const log = answered.get(sipCallId);
    return { ringing: log?.ringing, answer: log?.answer, heard: await log?.heard, ok: firstSent('ok', sipCallId, 0) };
  };
  const hangupAll = async () => {
    for (const c of sb().phone.store.getState().calls) if (c.status !== 'ended') await sb().phone.hangup(c.id);
  };

  window.__bench = { now, ctx, waitForTone, autoAnswer, register, call, calleeLog, hangupAll, liveCalls };
})();
