import type { SipControl } from '../sip-control/kamailio-control';
import type { Sessions } from './sessions';

/** Closes the feed sockets of sessions (by hash) or of a whole person. */
export interface FeedCloser {
  closeSessions(hashes: string[]): void;
  closeStaff(staffId: string, keepSessionHash?: string): void;
}

/**
 * One home for "this person's access ends now": their sessions, the feed sockets those sessions opened, and
 * the SIP credentials minted for their extensions (refused by Kamailio at once, registrations dropped).
 */
export function createRevocation(deps: {
  sessions: Sessions;
  feed: () => FeedCloser;
  sip: SipControl;
  credentialSeconds: number;
  now: () => number;
}) {
  /** Per extension: credentials expiring at or before this epoch second are refused. */
  const revokedUntil = new Map<string, number>();

  const revokeSip = async (extensions: (string | null | undefined)[]) => {
    // Every credential minted until now expires at most `credentialSeconds` from now.
    const notAfter = Math.floor(deps.now() / 1000) + deps.credentialSeconds;
    await Promise.all(
      [...new Set(extensions.filter((e): e is string => !!e))].map((ext) => {
        revokedUntil.set(ext, notAfter);
        return deps.sip.revokeExtension(ext, notAfter);
      }),
    );
  };

  return {
    /** The earliest expiry a new credential of `extension` may have so that Kamailio accepts it. */
    minExpiry(extension: string): number {
      const until = revokedUntil.get(extension);
      if (until !== undefined && until * 1000 < deps.now()) revokedUntil.delete(extension);
      return until === undefined ? 0 : until + 1;
    },
    /** Sign-out of one session; the phone's SIP credentials are revoked when it was the person's last session. */
    async signOut(
      staffId: string | undefined,
      token: string,
      sessionHash: string,
      extension: string | null,
    ): Promise<void> {
      deps.sessions.close(token);
      deps.feed().closeSessions([sessionHash]);
      if (staffId && deps.sessions.liveCount(staffId) === 0) await revokeSip([extension]);
    },
    /** Password changed, role or extension changed: every session but `keepToken`'s ends, and the SIP credentials. */
    async revokePerson(
      staffId: string,
      extensions: (string | null | undefined)[],
      keep?: { token: string; hash: string },
    ): Promise<void> {
      deps.sessions.closeAllFor(staffId, keep?.token);
      deps.feed().closeStaff(staffId, keep?.hash);
      await revokeSip(extensions);
    },
  };
}
export type Revocation = ReturnType<typeof createRevocation>;
