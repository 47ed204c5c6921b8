import { createTabLeadership, type ChannelLike, type LockManagerLike, type TabRole } from './tab-leadership';

/** One exclusive lock per name, granted in request order, like the Web Locks API. */
function fakeLocks(): LockManagerLike {
  const queues = new Map<string, Array<() => void>>();
  const held = new Set<string>();
  const next = (name: string) => {
    const grant = queues.get(name)?.shift();
    if (grant) grant();
  };
  return {
    request(name, { signal }, callback) {
      return new Promise((resolve, reject) => {
        const grant = () => {
          held.add(name);
          void callback().finally(() => {
            held.delete(name);
            resolve(undefined);
            next(name);
          });
        };
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        signal?.addEventListener('abort', () => {
          const at = queue.indexOf(grant);
          if (at >= 0) {
            queue.splice(at, 1);
            reject(new Error('AbortError'));
          }
        });
        if (held.has(name)) queue.push(grant);
        else grant();
      });
    },
  };
}

/** A BroadcastChannel hub: a message reaches every other open channel, asynchronously. */
function fakeHub() {
  const open = new Set<{ listeners: Array<(event: { data: unknown }) => void> }>();
  return (): ChannelLike => {
    const self = { listeners: [] as Array<(event: { data: unknown }) => void> };
    open.add(self);
    return {
      postMessage(message) {
        const data = structuredClone(message);
        for (const other of open) if (other !== self) queueMicrotask(() => other.listeners.forEach((l) => l({ data })));
      },
      addEventListener(_type, listener) {
        self.listeners.push(listener);
      },
      close() {
        open.delete(self);
      },
    };
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function world() {
  const locks = fakeLocks();
  const channel = fakeHub();
  let n = 0;
  return function openTab(initial = { calls: [] as string[] }) {
    const tabId = `tab-${++n}`;
    const roles: TabRole[] = [];
    const tab = {
      state: initial,
      mirrored: undefined as undefined | { calls: string[] },
      ownerStarts: 0,
      commands: [] as Array<[string, unknown[]]>,
      roles,
      leadership: undefined as unknown as ReturnType<typeof createTabLeadership<{ calls: string[] }>>,
    };
    tab.leadership = createTabLeadership({
      locks,
      channel: channel(),
      lockName: 'switchboard-phone:agent-1',
      tabId,
      onOwner: () => void tab.ownerStarts++,
      currentState: () => tab.state,
      runCommand: (name, args) => {
        if (name === 'fail') throw new Error('No such call');
        tab.commands.push([name, args]);
        return `${name} done by ${tabId}`;
      },
      onState: (state) => (tab.mirrored = state),
      onRole: (role) => roles.push(role),
    });
    return tab;
  };
}

describe('tab leadership', () => {
  test('the first tab owns the phone and the second follows, mirroring the owner', async () => {
    const openTab = world();
    const first = openTab({ calls: ['c1'] });
    const second = openTab();
    await flush();
    expect(first.leadership.role()).toBe('owner');
    expect(second.leadership.role()).toBe('follower');
    expect(first.ownerStarts).toBe(1);
    expect(second.ownerStarts).toBe(0);
    expect(second.mirrored).toEqual({ calls: ['c1'] });
    first.leadership.publish({ calls: ['c1', 'c2'] });
    await flush();
    expect(second.mirrored).toEqual({ calls: ['c1', 'c2'] });
  });

  test("a follower's command runs in the owner and its answer comes back", async () => {
    const openTab = world();
    const owner = openTab();
    const follower = openTab();
    await flush();
    await expect(follower.leadership.send('hangup', 'c1')).resolves.toBe('hangup done by tab-1');
    expect(owner.commands).toEqual([['hangup', ['c1']]]);
    expect(follower.commands).toEqual([]);
    await expect(follower.leadership.send('fail')).rejects.toThrow('No such call');
  });

  test('the owner runs its own commands directly', async () => {
    const openTab = world();
    const owner = openTab();
    await flush();
    await expect(owner.leadership.send('mute', 'c1', true)).resolves.toBe('mute done by tab-1');
  });

  test('closing the owner hands the phone to the next tab, which starts it and publishes', async () => {
    const openTab = world();
    const first = openTab();
    const second = openTab();
    const third = openTab();
    await flush();
    first.leadership.stop();
    await flush();
    expect(second.leadership.role()).toBe('owner');
    expect(second.ownerStarts).toBe(1);
    expect(third.leadership.role()).toBe('follower');
    expect(second.roles).toEqual(['follower', 'owner']);
    second.leadership.publish({ calls: ['c9'] });
    await flush();
    expect(third.mirrored).toEqual({ calls: ['c9'] });
    expect(first.mirrored).toBeUndefined();
  });

  test('a follower that stops leaves the queue without ever owning', async () => {
    const openTab = world();
    const first = openTab();
    const second = openTab();
    const third = openTab();
    await flush();
    second.leadership.stop();
    first.leadership.stop();
    await flush();
    expect(second.ownerStarts).toBe(0);
    expect(third.leadership.role()).toBe('owner');
  });
});
