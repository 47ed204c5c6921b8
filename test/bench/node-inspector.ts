// A Node process's own heap, seen through its inspector: SIGUSR1 opens it on 127.0.0.1:9229 (the bench runs in a
// private network namespace), then Chrome DevTools Protocol over its WebSocket, as for the pages.
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { HeapCensus } from './heap-snapshot';
import { census } from './heap-snapshot';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type NodeInspector = {
  heapAfterGc(): Promise<number>;
  /** A heap snapshot counted by constructor; `saveAs` also writes it there. */
  census(saveAs?: string): Promise<HeapCensus>;
  close(): void;
};

export async function openNodeInspector(pid: number, port = 9229): Promise<NodeInspector> {
  process.kill(pid, 'SIGUSR1');
  let url: string | undefined;
  for (let i = 0; i < 50 && !url; i++) {
    await sleep(100);
    const list = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>)
      .catch(() => []);
    url = list[0]?.webSocketDebuggerUrl;
  }
  if (!url) throw new Error(`process ${pid} opened no inspector on port ${port}`);
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const chunks: string[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; method?: string; params?: { chunk: string } };
    if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(msg.params!.chunk);
    else if (msg.id !== undefined) waiting.get(msg.id)?.((msg as { result?: unknown }).result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      waiting.set(id, (r) => (waiting.delete(id), resolve(r as T)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    async census(saveAs) {
      chunks.length = 0;
      await send('HeapProfiler.enable');
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const text = chunks.join('');
      if (saveAs) writeFileSync(saveAs, text);
      return census(JSON.parse(text) as Parameters<typeof census>[0]);
    },
    close: () => ws.close(),
  };
}
