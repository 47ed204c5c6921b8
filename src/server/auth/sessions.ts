import { createHash, randomBytes } from 'node:crypto';
import type { SessionRepo } from '../storage/session-repo';

export const SESSION_COOKIE = 'sb_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opaque random session tokens; only their hash is stored, so a database leak does not leak sessions. */
export function createSessions(repo: SessionRepo, ttlMs: number, now: () => number = Date.now) {
  return {
    open(staffId: string): { token: string; expiresAt: number } {
      const token = randomBytes(32).toString('base64url');
      const t = now();
      repo.insert(hashToken(token), staffId, t, t + ttlMs);
      return { token, expiresAt: t + ttlMs };
    },
    staffIdFor(token: string | undefined): string | undefined {
      return token ? repo.findStaffId(hashToken(token), now()) : undefined;
    },
    close(token: string | undefined): void {
      if (token) repo.delete(hashToken(token));
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
