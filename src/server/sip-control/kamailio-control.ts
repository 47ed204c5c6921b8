import { execFile } from 'node:child_process';

/** What the companion tells Kamailio directly, over its control socket. */
export interface SipControl {
  /**
   * Refuses, at once, every SIP credential of `extension` that expires at or before `notAfter` (epoch
   * seconds), and drops the extension's registrations so its phones must authenticate again.
   */
  revokeExtension(extension: string, notAfter: number): Promise<void>;
}

/** kamcmd turns numeric-looking arguments into integers: string keys (extensions) are passed as `s:<key>`. */
function run(ctl: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kamcmd', ['-s', ctl, ...args], { timeout: 2000 }, (err, stdout) => {
      if (err) return reject(err);
      if (/^error: /.test(stdout) && !/not found/i.test(stdout)) return reject(new Error(stdout.trim()));
      resolve(stdout);
    });
  });
}

/**
 * Kamailio's binrpc control socket through kamcmd: the `revoked` htable that route[AUTH] checks, and usrloc.
 * Without a control socket configured (a companion alone, in tests) it does nothing.
 */
export function kamailioControl(ctl: string, log: (line: string) => void = console.error): SipControl {
  return {
    async revokeExtension(extension, notAfter) {
      if (!ctl) return;
      if (!/^\d{1,15}$/.test(extension)) return;
      try {
        await run(ctl, ['htable.seti', 'revoked', `s:${extension}`, String(notAfter)]);
        await run(ctl, ['ul.rm', 'location', `s:${extension}`]);
        // The extension may now belong to someone else (another organisation): Kamailio asks again.
        await run(ctl, ['htable.delete', 'extorg', `s:${extension}`]);
      } catch (err) {
        log(`[companion] could not revoke the SIP credentials of extension ${extension}: ${(err as Error).message}`);
      }
    },
  };
}
