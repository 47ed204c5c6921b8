/** Just enough SIP message parsing and building for a UAS over UDP (RFC 3261). */

export type SipRequest = { kind: 'request'; method: string; uri: string; headers: SipHeaders; body: string };
export type SipResponse = { kind: 'response'; status: number; reason: string; headers: SipHeaders; body: string };
export type SipMessage = SipRequest | SipResponse;

const compact: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
};

/** Header values in order, by lower-case name (compact forms expanded). */
export class SipHeaders {
  readonly list: Array<{ name: string; value: string }> = [];
  get(name: string): string | undefined {
    return this.list.find((h) => h.name === name.toLowerCase())?.value;
  }
  all(name: string): string[] {
    return this.list.filter((h) => h.name === name.toLowerCase()).map((h) => h.value);
  }
  add(name: string, value: string): this {
    this.list.push({ name: name.toLowerCase(), value });
    return this;
  }
}

export function parseSip(text: string): SipMessage | undefined {
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 4);
  const lines = head.split('\r\n').reduce<string[]>((acc, line) => {
    // folded header lines continue the previous one
    if (/^[ \t]/.test(line) && acc.length) acc[acc.length - 1] += ` ${line.trim()}`;
    else acc.push(line);
    return acc;
  }, []);
  const start = lines.shift() ?? '';
  const headers = new SipHeaders();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    headers.add(compact[raw] ?? raw, line.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length') ?? body.length);
  const content = body.slice(0, Number.isFinite(length) ? length : body.length);
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start);
  if (response)
    return { kind: 'response', status: Number(response[1]), reason: response[2] ?? '', headers, body: content };
  const request = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(start);
  if (request) return { kind: 'request', method: request[1]!, uri: request[2]!, headers, body: content };
  return undefined;
}

const display: Record<string, string> = {
  via: 'Via',
  from: 'From',
  to: 'To',
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  contact: 'Contact',
  'record-route': 'Record-Route',
  route: 'Route',
  'content-type': 'Content-Type',
  'max-forwards': 'Max-Forwards',
};
const title = (name: string) =>
  display[name] ?? name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

function serialize(start: string, headers: Array<[string, string]>, body: string): string {
  const lines = [
    start,
    ...headers.map(([n, v]) => `${title(n)}: ${v}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ];
  return lines.join('\r\n');
}

/** A response to `req`: its Via, From, To (with our tag), Call-ID and CSeq, plus `extra` headers. */
export function buildResponse(
  req: SipRequest,
  status: number,
  reason: string,
  opts: { toTag?: string; extra?: Array<[string, string]>; body?: string } = {},
): string {
  const headers: Array<[string, string]> = [];
  for (const via of req.headers.all('via')) headers.push(['via', via]);
  headers.push(['from', req.headers.get('from') ?? '']);
  const to = req.headers.get('to') ?? '';
  headers.push(['to', opts.toTag && !/;\s*tag=/i.test(to) ? `${to};tag=${opts.toTag}` : to]);
  headers.push(['call-id', req.headers.get('call-id') ?? '']);
  headers.push(['cseq', req.headers.get('cseq') ?? '']);
  headers.push(...(opts.extra ?? []));
  return serialize(`SIP/2.0 ${status} ${reason}`, headers, opts.body ?? '');
}

export function buildRequest(method: string, uri: string, headers: Array<[string, string]>, body = ''): string {
  return serialize(`${method} ${uri} SIP/2.0`, headers, body);
}

/** The URI inside a name-addr (`"Bob" <sip:b@h>;tag=1` → `sip:b@h`) or a bare addr-spec. */
export function uriOf(nameAddr: string): string {
  const angle = /<([^>]*)>/.exec(nameAddr);
  return (angle ? angle[1]! : nameAddr.split(';')[0]!).trim();
}

export function tagOf(nameAddr: string): string | undefined {
  const after = nameAddr.includes('>') ? nameAddr.slice(nameAddr.indexOf('>')) : nameAddr;
  return /;\s*tag=([^;\s,]+)/i.exec(after)?.[1];
}

/** host and port of a SIP URI (default 5060). */
export function hostPortOf(uri: string): { host: string; port: number } {
  const m = /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;>]+)(?::(\d+))?/.exec(uri);
  return { host: m?.[1] ?? '127.0.0.1', port: m?.[2] ? Number(m[2]) : 5060 };
}

/** The user part of a SIP URI, unescaped. */
export function userOf(uri: string): string {
  const m = /^sips?:([^@;]*)@/.exec(uri);
  return m ? decodeURIComponent(m[1]!) : '';
}
