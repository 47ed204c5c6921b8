import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnProcess, type ProcessHandle } from './process-handle';

export type VoicemailProcessOptions = {
  runDir: string;
  /** UDP port of the service on 127.0.0.1. */
  sipPort: number;
  /** Kamailio's SIP port on 127.0.0.1 (the only sender allowed to start calls). */
  proxyPort: number;
  companionUrl: string;
  hookToken: string;
  env?: Record<string, string>;
};

const root = resolve(import.meta.dirname, '../..');

/** The voicemail service as its own process (src/voicemail/main.ts), ready once it listens. */
export async function startVoicemailProcess(opts: VoicemailProcessOptions): Promise<ProcessHandle> {
  const handle = spawnProcess({
    name: 'voicemail',
    command: process.execPath,
    args: [
      '--import',
      pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href,
      resolve(root, 'src/voicemail/main.ts'),
    ],
    runDir: opts.runDir,
    env: {
      ...process.env,
      VOICEMAIL_HOST: '127.0.0.1',
      VOICEMAIL_SIP_PORT: String(opts.sipPort),
      VOICEMAIL_PROXY: `127.0.0.1:${opts.proxyPort}`,
      COMPANION_URL: opts.companionUrl,
      HOOK_TOKEN: opts.hookToken,
      ...opts.env,
    },
  });
  try {
    await handle.waitFor(/\[voicemail\] listening on/, 30_000);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}
