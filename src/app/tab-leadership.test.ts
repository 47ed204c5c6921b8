import { createTabLeadership, type TabRole } from './tab-leadership';
import { fakeHub, fakeLocks } from './test-support/tab-fakes';

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

  test('a command nobody answers fails instead of waiting for ever', async () => {
    const alarms: Array<() => void> = [];
    const silentChannel = { postMessage: () => undefined, addEventListener: () => undefined, close: () => undefined };
    const follower = createTabLeadership({
      locks: { request: () => new Promise(() => undefined) },
      channel: silentChannel,
      lockName: 'switchboard-phone:agent-1',
      tabId: 'alone',
      onOwner: () => undefined,
      currentState: () => null,
      runCommand: () => 'never',
      onState: () => undefined,
      setTimer: (fn) => alarms.push(fn),
      clearTimer: () => undefined,
    });
    const sent = follower.send('hangup', 'c1');
    expect(alarms).toHaveLength(1);
    alarms[0]!();
    await expect(sent).rejects.toThrow('No tab holding the phone answered');
  });
});
