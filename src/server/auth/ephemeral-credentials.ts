import { createHmac } from 'node:crypto';

/**
 * Credentials for Kamailio's auth_ephemeral module: username `<expiry epoch seconds>:<user>`,
 * password base64(HMAC-SHA1(secret, username)). Kamailio recomputes the password and refuses it after expiry.
 */
export function mintEphemeralCredentials(secret: string, user: string, ttlSeconds: number, nowMs: number) {
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiry}:${user}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password, expiresAt: expiry * 1000 };
}
