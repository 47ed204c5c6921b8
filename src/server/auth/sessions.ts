import { createHash, randomBytes } from 'node:crypto';
import type { SessionRepo } from '../storage/session-repo';

export const SESSION_COOKIE = 'sb_session';

/** Only the hash of a session token is stored or held by a socket, so a leak of either does not leak sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opaque random session tokens. */
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
    /** A live session by its token: whose, and until when. */
    liveFor(token: string | undefined): { staffId: string; expiresAt: number } | undefined {
      return token ? repo.findLive(hashToken(token), now()) : undefined;
    },
    /** The staff id of a live session, by the hash a socket holds. */
    staffIdForHash(hash: string): string | undefined {
      return repo.findStaffId(hash, now());
    },
    close(token: string | undefined): void {
      if (token) repo.delete(hashToken(token));
    },
    /** Ends every session of a staff member but `keepToken`'s; answers the ended sessions' hashes. */
    closeAllFor(staffId: string, keepToken?: string): string[] {
      return repo.deleteForStaff(staffId, keepToken ? hashToken(keepToken) : undefined);
    },
    liveCount: (staffId: string) => repo.countForStaff(staffId, now()),
    now,
  };
}
export type Sessions = ReturnType<typeof createSessions>;

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
