import { createHash, randomBytes } from 'node:crypto';

export interface SipMessage {
  raw: string;
  /** Request method, or undefined for a response. */
  method?: string;
  requestUri?: string;
  status?: number;
  reason?: string;
  headers: Array<[name: string, value: string]>;
  body: string;
}

export function parseSip(raw: string): SipMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const [startLine = '', ...lines] = head.split('\r\n');
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(startLine);
  if (response) return { raw, status: Number(response[1]), reason: response[2] ?? '', headers, body };
  const [method, requestUri] = startLine.split(' ');
  return { raw, method, requestUri, headers, body };
}

/** Long and compact header names. */
const compact: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
};

export function headerAll(msg: SipMessage, name: string): string[] {
  const wanted = name.toLowerCase();
  return msg.headers
    .filter(([n]) => {
      const lower = n.toLowerCase();
      return lower === wanted || compact[lower] === wanted;
    })
    .flatMap(([n, v]) => (/^(via|v|record-route|route)$/i.test(n) ? splitCommaList(v) : [v]));
}

export function header(msg: SipMessage, name: string): string | undefined {
  return headerAll(msg, name)[0];
}

function splitCommaList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out.filter(Boolean);
}

/** The URI inside a name-addr (`<sip:...>`) or a bare addr-spec. */
export function uriOf(nameAddr: string): string {
  const m = /<([^>]+)>/.exec(nameAddr);
  return m?.[1] ?? nameAddr.split(';')[0]!.trim();
}

export const randomToken = (bytes = 6) => randomBytes(bytes).toString('hex');

export function buildMessage(startLine: string, headers: Array<[string, string]>, body = ''): string {
  const lines = [startLine, ...headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Digest (RFC 2617, MD5, qop=auth when offered) for a 401/407 challenge. */
export function digestAuthorization(
  challenge: string,
  opts: { username: string; password: string; method: string; uri: string },
): string {
  const param = (key: string) => new RegExp(`${key}="?([^",]+)"?`, 'i').exec(challenge)?.[1];
  const realm = param('realm') ?? '';
  const nonce = param('nonce') ?? '';
  const qop = param('qop');
  const ha1 = md5(`${opts.username}:${realm}:${opts.password}`);
  const ha2 = md5(`${opts.method}:${opts.uri}`);
  const parts = [
    `username="${opts.username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${opts.uri}"`,
    'algorithm=MD5',
  ];
  if (qop && /\bauth\b/.test(qop)) {
    const cnonce = randomToken(8);
    const nc = '00000001';
    parts.push(
      `response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)}"`,
      'qop=auth',
      `nc=${nc}`,
      `cnonce="${cnonce}"`,
    );
  } else {
    parts.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
  }
  const opaque = param('opaque');
  if (opaque) parts.push(`opaque="${opaque}"`);
  return `Digest ${parts.join(', ')}`;
}
