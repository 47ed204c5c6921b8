import type { ChannelLike, LockManagerLike } from '../tab-leadership';

/** One exclusive lock per name, granted in request order, like the Web Locks API. */
export function fakeLocks(): LockManagerLike {
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
export function fakeHub() {
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
