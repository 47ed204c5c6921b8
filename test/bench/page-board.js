// In-page half of the board bench, injected into the supervisor's page with page.addScriptTag (plain JS).
// Installs `window.__board`: per change (staff id and the `since` the companion gave it) when its
// presence:changed frame reached the page's feed socket, and, for rows in view, when the row showing it was
// painted (the requestAnimationFrame after the DOM changed, then a task: the frame has been drawn by then).
// Also counts the board store's updates. Times are epoch ms: performance.timeOrigin + performance.now().
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const received = new Map();
  const painted = new Map();
  const state = { received, painted, updates: 0 };

  const tapped = new WeakSet();
  const tap = (ws) => {
    if (tapped.has(ws)) return;
    tapped.add(ws);
    ws.addEventListener('message', (ev) => {
      if (typeof ev.data !== 'string' || !ev.data.includes('"presence:changed"')) return;
      const t = performance.timeOrigin + ev.timeStamp;
      const staff = /"staffId":"([^"]+)"/.exec(ev.data)?.[1];
      const since = /"since":(\d+)/.exec(ev.data)?.[1];
      if (staff && since && !received.has(`${staff}:${since}`)) received.set(`${staff}:${since}`, t);
    });
  };
  const sockets = window.__sockets;
  sockets.forEach(tap);
  const push = sockets.push.bind(sockets);
  sockets.push = (...ws) => (ws.forEach(tap), push(...ws));

  window.switchboard.board.subscribe(() => state.updates++);
  // Main-thread tasks over 50 ms (what delays a frame reaching the page and its paint).
  const longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(Math.round(e.duration)))).observe({
    entryTypes: ['longtask'],
  });

  const seen = (row) => {
    const key = `${row.getAttribute('data-staff')}:${row.getAttribute('data-since')}`;
    if (painted.has(key)) return;
    painted.set(key, undefined);
    requestAnimationFrame(() => setTimeout(() => painted.set(key, now()), 0));
  };
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const row = el?.closest?.('tr[data-staff]');
      if (row) seen(row);
      for (const n of m.addedNodes) if (n.nodeType === 1 && n.matches('tr[data-staff]')) seen(n);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-since'] });

  window.__board = {
    state,
    /** Every key with its marks, for the bench process to read once the run is over. */
    dump: () => ({
      received: Object.fromEntries(received),
      painted: Object.fromEntries([...painted].filter(([, t]) => t !== undefined)),
      updates: state.updates,
      longTasks,
    }),
    /** The board's view of each agent at the end: state and since. */
    finals: () => {
      const rows = window.switchboard.board.getState().model.rows;
      return Object.fromEntries([...rows].map(([id, r]) => [id, `${r.presence.state}:${r.presence.since}`]));
    },
    rows: () => window.switchboard.board.getState().model.rows.size,
    /** Bench agents the board shows online (any state but offline). */
    online: () =>
      [...window.switchboard.board.getState().model.rows.values()].filter(
        (r) => r.presence.staffId.startsWith('bench-') && r.presence.state !== 'offline',
      ).length,
  };
})();
