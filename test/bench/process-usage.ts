import { readFileSync } from 'node:fs';

export type Usage = { cpuPercent: number; rssMaxMb: number };

/** Clock ticks per second of /proc/<pid>/stat (Linux: 100). */
const TICKS = 100;

const cpuTicks = (pid: number) => {
  // Fields after the command name in parentheses: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
/** The process's resident memory now (VmRSS), in MB. */
export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Samples a process's CPU and resident memory from now until `stop()`. */
export function companionUsage(pid: number) {
  const t0 = performance.now();
  const c0 = cpuTicks(pid);
  let rssMax = rssMb(pid);
  // A process that is gone (stopped, crashed) leaves the figures as they were instead of crashing the bench.
  const timer = setInterval(() => {
    try {
      rssMax = Math.max(rssMax, rssMb(pid));
    } catch {
      clearInterval(timer);
    }
  }, 500);
  return {
    stop(): Usage {
      clearInterval(timer);
      rssMax = Math.max(rssMax, rssMb(pid));
      const seconds = (performance.now() - t0) / 1000;
      return { cpuPercent: ((cpuTicks(pid) - c0) / TICKS / seconds) * 100, rssMaxMb: rssMax };
    },
  };
}
