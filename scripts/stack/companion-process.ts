import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnProcess, type ProcessHandle } from './process-handle';

export type CompanionProcessOptions = { runDir: string; env: Record<string, string> };

const root = resolve(import.meta.dirname, '../..');

/**
 * The companion as its own process (as in production), started with tsx; ready once it listens. With
 * COMPANION_CPU_PROF_DIR set (a bench), it writes a V8 CPU profile there when it stops.
 */
export async function startCompanionProcess(opts: CompanionProcessOptions): Promise<ProcessHandle> {
  const profileDir = process.env.COMPANION_CPU_PROF_DIR;
  const handle = spawnProcess({
    name: 'companion',
    command: process.execPath,
    args: [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      '--import',
      pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href,
      resolve(root, 'src/server/main.ts'),
    ],
    runDir: opts.runDir,
    env: { ...process.env, ...opts.env },
    redact: [opts.env.SIP_AUTH_SECRET ?? ''],
  });
  try {
    await handle.waitFor(/\[companion\] listening on/, 30_000);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}
