import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** Live objects of a heap snapshot grouped by kind and constructor: count and bytes (self size). */
export type HeapCensus = Map<string, { count: number; bytes: number }>;

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

/** Forces a full garbage collection in the page, then reads the JS heap and the DOM counters. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ usedBytes: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { usedBytes: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/**
 * Takes a heap snapshot (which collects garbage first) and counts what it holds by constructor; `saveAs` also
 * writes the snapshot there (DevTools' Memory panel opens it).
 */
export async function heapCensus(cdp: CDPSession, saveAs?: string): Promise<HeapCensus> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  if (saveAs) writeFileSync(saveAs, text);
  return census(JSON.parse(text) as Snapshot);
}

/** Groups a snapshot's nodes: objects, closures and native objects by name; everything else by its type. */
export function census(s: Snapshot): HeapCensus {
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const out: HeapCensus = new Map();
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const type = types[s.nodes[i + typeAt]!]!;
    const named = type === 'object' || type === 'closure' || type === 'native';
    const key = named ? `${type} ${s.strings[s.nodes[i + nameAt]!]}` : `(${type})`;
    const entry = out.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += s.nodes[i + sizeAt]!;
    out.set(key, entry);
  }
  return out;
}

/** What grew from `before` to `after`, most added bytes first. */
export function censusGrowth(before: HeapCensus, after: HeapCensus, top = 15) {
  return [...after.entries()]
    .map(([key, a]) => {
      const b = before.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: a.count - b.count, bytes: a.bytes - b.bytes };
    })
    .filter((g) => g.count > 0 || g.bytes > 0)
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top);
}
