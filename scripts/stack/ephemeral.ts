import { createHmac } from 'node:crypto';

export interface EphemeralCredentials {
  /** `<expiry-epoch-seconds>:<extension>`, the digest username Kamailio's auth_ephemeral expects. */
  username: string;
  /** base64(HMAC-SHA1(secret, username)). */
  password: string;
  /** Expiry as epoch milliseconds (whole seconds; the username carries seconds). */
  expiresAt: number;
}

/** Password for an ephemeral username (auth_ephemeral, sha_algorithm 0). */
export function ephemeralPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/**
 * Mints short-lived SIP credentials for `extension`. `now` is a Date or epoch
 * milliseconds; the expiry is rounded down to whole seconds.
 */
export function mintEphemeralCredentials(
  secret: string,
  extension: string,
  ttlSeconds: number,
  now: Date | number = Date.now(),
): EphemeralCredentials {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const expiresAt = Math.floor(nowMs / 1000) + Math.floor(ttlSeconds);
  const username = `${expiresAt}:${extension}`;
  return { username, password: ephemeralPassword(secret, username), expiresAt: expiresAt * 1000 };
}
