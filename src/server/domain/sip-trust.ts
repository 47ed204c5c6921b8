/**
 * Who the SIP side trusts, in one place: the companion's config and Kamailio's rendered config both read it.
 *
 * - The phone network is trusted by source address only: the gateway we send calls to (PSTN_GATEWAY,
 *   host:port) and the addresses inbound calls arrive from (INBOUND_GATEWAYS: `ip` for any port, or `ip:port`).
 * - Browsers may open Kamailio's WebSocket only from PUBLIC_ORIGINS (the same list the companion's feed uses).
 */

export type GatewaySource = { host: string; port?: number };

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** `ip` or `ip:port`; gateways are addresses, never names (a source address is all Kamailio can check). */
export function parseGatewaySource(entry: string, field: string): GatewaySource {
  const m = /^([^:\s]+)(?::(\d{1,5}))?$/.exec(entry.trim());
  if (!m || !IPV4.test(m[1]!)) throw new Error(`${field}: "${entry}" is not an IPv4 address or address:port`);
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new Error(`${field}: port of "${entry}" is out of range`);
  return port === undefined ? { host: m[1]! } : { host: m[1]!, port };
}

/** Comma separated list of `ip[:port]`; empty entries ignored. */
export function parseGatewayList(list: string, field: string): GatewaySource[] {
  return list
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => parseGatewaySource(e, field));
}

/** PSTN_GATEWAY as SIP host[:port] strings, in the order outbound calls try them; at least one. */
export function pstnGatewayAddresses(pstnGateway: string): string[] {
  const list = parseGatewayList(pstnGateway, 'PSTN_GATEWAY').map((g) =>
    g.port === undefined ? g.host : `${g.host}:${g.port}`,
  );
  if (list.length === 0) throw new Error('PSTN_GATEWAY: name at least one gateway as ip:port');
  return list;
}

/** Every address the phone network may send from: the outbound gateway (exact host:port) plus the inbound ones. */
export function trustedGatewaySources(pstnGateway: string, inboundGateways: string): GatewaySource[] {
  return [...parseGatewayList(pstnGateway, 'PSTN_GATEWAY'), ...parseGatewayList(inboundGateways, 'INBOUND_GATEWAYS')];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A POSIX extended regex matched by Kamailio against "<source ip>:<source port>". Matches nothing when the
 * list is empty (then nobody is the phone network).
 */
export function gatewaySourceRegex(sources: GatewaySource[]): string {
  if (sources.length === 0) return '^$';
  const alternatives = sources.map((s) => `${escapeRe(s.host)}:${s.port === undefined ? '[0-9]+' : s.port}`);
  return `^(${alternatives.join('|')})$`;
}

/** The distinct source IPs of the gateways (pike never throttles them). */
export function gatewayHosts(sources: GatewaySource[]): string[] {
  return [...new Set(sources.map((s) => s.host))];
}

/** Normalises one origin (scheme://host[:port], no path); throws naming the bad entry. */
export function parseOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    throw new Error(`PUBLIC_ORIGINS: "${entry}" is not an origin (scheme://host[:port])`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username
  ) {
    throw new Error(`PUBLIC_ORIGINS: "${entry}" is not an origin (scheme://host[:port])`);
  }
  return url.origin;
}

export const parseOrigins = (list: string): string[] =>
  list
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map(parseOrigin);

/** A regex Kamailio matches the WebSocket handshake's Origin header against: exactly one of the origins. */
export function originRegex(origins: string[]): string {
  if (origins.length === 0) return '^$';
  return `^(${origins.map(escapeRe).join('|')})$`;
}
