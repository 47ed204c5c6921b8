// In-page half of the inbound-call bench, injected into the agent's page with page.addScriptTag (plain JS).
// Installs `window.__inbound`: per SIP Call-ID, when the INVITE arrived on the SIP WebSocket, when the
// routing offer arrived on the feed socket, when the phone store first showed the call ringing, when the
// call card's route reason ([data-testid="route-reason"]) entered the DOM, and the requestAnimationFrame
// that paints it. Times are epoch ms: performance.timeOrigin + performance.now().
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const sb = () => window.switchboard;
  const marks = new Map();
  const markOf = (id) => {
    if (!marks.has(id)) marks.set(id, {});
    return marks.get(id);
  };
  const first = (id, key, t) => {
    const m = markOf(id);
    if (m[key] === undefined) m[key] = t;
  };

  // Incoming frames on every WebSocket the page opens (agent-browser.ts tracks them in window.__sockets).
  const tapped = new WeakSet();
  const tap = (ws) => {
    if (tapped.has(ws)) return;
    tapped.add(ws);
    ws.addEventListener('message', (ev) => {
      // The event's creation time: when the frame reached the page, before sip.js / socket.io handled it
      // (their listeners were added first and run before this one).
      const t = performance.timeOrigin + ev.timeStamp;
      if (typeof ev.data !== 'string') return;
      if (ev.data.startsWith('INVITE ')) {
        const id = /\r\n(?:Call-ID|i):\s*(\S+)/i.exec(ev.data)?.[1];
        if (id) first(id, 'wsInvite', t);
      } else if (ev.data.includes('"call:offered"')) {
        const id = /"sipCallId":"([^"]+)"/.exec(ev.data)?.[1];
        if (id) first(id, 'feedOffer', t);
      }
    });
  };
  const sockets = window.__sockets;
  sockets.forEach(tap);
  const push = sockets.push.bind(sockets);
  sockets.push = (...items) => {
    items.forEach(tap);
    return push(...items);
  };

  // The phone store: first snapshot with the inbound call ringing.
  const sipIdOf = new Map();
  sb().phone.store.subscribe((s) => {
    const t = now();
    for (const c of s.calls) {
      sipIdOf.set(c.id, c.sipCallId);
      if (c.direction === 'inbound' && c.status === 'ringing') first(c.sipCallId, 'storeRinging', t);
    }
  });
  // The offers store (fed by the feed): first time the call's offer is there.
  sb().offers.subscribe((s) => {
    const t = now();
    for (const id of Object.keys(s.bySipCallId)) first(id, 'offerStored', t);
  });

  // The card's route reason: DOM insertion (MutationObserver), then the frame that paints it.
  const seen = new WeakSet();
  new MutationObserver(() => {
    const t = now();
    for (const el of document.querySelectorAll('[data-testid="route-reason"]')) {
      if (seen.has(el) || !el.textContent) continue;
      seen.add(el);
      const callId = el.closest('[data-call-id]')?.getAttribute('data-call-id');
      const sipId =
        sipIdOf.get(callId) ??
        sb()
          .phone.store.getState()
          .calls.find((c) => c.id === callId)?.sipCallId;
      if (!sipId) continue;
      const m = markOf(sipId);
      if (m.cardDom !== undefined) continue;
      m.cardDom = t;
      m.reason = el.textContent;
      requestAnimationFrame(() => {
        m.cardRaf = now();
        // A task queued from the rAF callback runs after that frame's paint.
        setTimeout(() => (m.cardAfterPaint = now()), 0);
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });

  const liveCalls = () =>
    sb()
      .phone.store.getState()
      .calls.filter((c) => c.status !== 'ended').length;
  const cardsShown = () => document.querySelectorAll('[data-testid="route-reason"]').length;
  /** Wall clock (Date.now, at the edge of a millisecond tick) minus the page clock used for marks. */
  const clockSkew = () => {
    const a = Date.now();
    let b = a;
    while (b === a) b = Date.now();
    return b - now();
  };
  window.__inbound = { marks: (id) => ({ ...marks.get(id) }), liveCalls, cardsShown, clockSkew };
})();
