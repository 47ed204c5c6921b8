import { execFile } from 'node:child_process';
import { ctlSocketPath } from './kamailio';

export interface KamcmdResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kamcmd` against the Kamailio of `runDir` (its per-run ctl socket). kamcmd turns
 * numeric-looking arguments into integers: prefix `s:` to pass a string (e.g. `s:1001`).
 * An RPC failure exits 0 with `error: <code> - <reason>` on stdout; `code` is then 1.
 */
export function kamcmd(runDir: string, ...args: string[]): Promise<KamcmdResult> {
  return new Promise((resolve) => {
    execFile('kamcmd', ['-s', `unix:${ctlSocketPath(runDir)}`, ...args], (err, stdout, stderr) => {
      const failed = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      const code = failed || (/^error: /.test(stdout) ? 1 : 0);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Contacts registered for an extension (empty when none). */
export async function registeredContacts(runDir: string, extension: string): Promise<string[]> {
  const result = await kamcmd(runDir, 'ul.lookup', 'location', `s:${extension}`);
  if (result.code !== 0) {
    if (/not found|no contacts/i.test(result.stdout + result.stderr)) return [];
    throw new Error(`kamcmd ul.lookup failed: ${result.stderr || result.stdout}`);
  }
  return [...result.stdout.matchAll(/^\s*Address: (\S+)$/gm)].map((m) => m[1] ?? '');
}
