import { createHmac } from 'node:crypto';

/** The token Kamailio presents on the companion's SIP hooks, derived from the shared SIP secret. */
export function hookToken(sipAuthSecret: string): string {
  return createHmac('sha256', sipAuthSecret).update('switchboard-sip-hooks').digest('base64url');
}
