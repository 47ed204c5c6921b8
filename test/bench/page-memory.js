// In-page half of the memory bench, injected with page.addScriptTag (plain JS). Installs `window.__memory`.
// It keeps nothing per call (no marks, no logs), so whatever the page's heap gains over many calls is the
// product's own.
(() => {
  const sb = () => window.switchboard;
  const store = () => sb().phone.store;
  let answering;

  /** Callee side: answer each inbound call the moment the store shows it ringing. */
  const autoAnswer = () =>
    store().subscribe((state) => {
      const ringing = state.calls.find((c) => c.direction === 'inbound' && c.status === 'ringing');
      if (!ringing || ringing.id === answering) return;
      answering = ringing.id;
      void sb().phone.answer(ringing.id);
    });

  const whenStatus = (id, status, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const check = (s) => s.calls.find((c) => c.id === id)?.status === status;
      if (check(store().getState())) return resolve();
      const timer = setTimeout(
        () => (un(), reject(new Error(`call ${id} not ${status} in ${timeoutMs} ms`))),
        timeoutMs,
      );
      const un = store().subscribe((s) => {
        if (check(s)) {
          clearTimeout(timer);
          un();
          resolve();
        }
      });
    });

  const untilIdle = (timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (liveCalls() === 0) return resolve();
      const timer = setTimeout(() => (un(), reject(new Error(`a call still live after ${timeoutMs} ms`))), timeoutMs);
      const un = store().subscribe(() => {
        if (liveCalls() > 0) return;
        clearTimeout(timer);
        un();
        resolve();
      });
    });

  /**
   * Caller side: `count` short calls to `target`, one after the other: dial, wait until answered, talk `holdMs`,
   * hang up, wait until it ended, pause `gapMs` (the callee's end arrives meanwhile). One evaluate for the lot,
   * so the bench's own scripts do not grow the page's heap per call.
   */
  const calls = async (target, count, holdMs, gapMs) => {
    for (let i = 0; i < count; i++) {
      const id = await sb().phone.call(target);
      await whenStatus(id, 'active');
      await new Promise((r) => setTimeout(r, holdMs));
      await sb().phone.hangup(id);
      await untilIdle();
      await new Promise((r) => setTimeout(r, gapMs));
    }
  };

  const liveCalls = () =>
    store()
      .getState()
      .calls.filter((c) => c.status !== 'ended').length;
  const listedCalls = () => store().getState().calls.length;

  window.__memory = { autoAnswer, calls, liveCalls, listedCalls };
})();
