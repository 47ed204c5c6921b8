import { createRequire } from 'node:module';
import {
  buildMessage,
  digestAuthorization,
  header,
  headerAll,
  parseSip,
  randomToken,
  uriOf,
  type SipMessage,
} from './sip-message';

/** The slice of the `ws` package used here (it ships no types in this repo). */
interface WsSocket {
  readyState: number;
  send(data: string): void;
  close(): void;
  terminate(): void;
  on(event: 'message', cb: (data: Buffer) => void): void;
  on(event: 'open' | 'close', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
}
type WsConstructor = new (url: string, protocols: string[], options?: { origin?: string }) => WsSocket;
const WebSocket = createRequire(import.meta.url)('ws') as WsConstructor;

export interface Dialog {
  callId: string;
  from: string;
  to: string;
  remoteTarget: string;
  routeSet: string[];
}

export interface Credentials {
  username: string;
  password: string;
}

/** A WebRTC-style answer like a browser's (ICE, DTLS fingerprint, rtcp-mux). */
export const WEBRTC_SDP = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 0 101',
  'c=IN IP4 0.0.0.0',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2113937151 127.0.0.1 9 typ host generation 0',
  'a=ice-ufrag:sbtt',
  'a=ice-pwd:switchboardtestpassword0',
  'a=fingerprint:sha-256 ' +
    Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).padStart(2, '0').toUpperCase()).join(':'),
  'a=setup:actpass',
  'a=mid:0',
  'a=sendrecv',
  'a=rtcp-mux',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  '',
].join('\r\n');

/**
 * A minimal SIP-over-WebSocket UA for tests, shaped like sip.js: Contact and Via use
 * `*.invalid` hosts, so Kamailio must route by the WebSocket it came from.
 */
export class WsSipClient {
  private readonly inbox: SipMessage[] = [];
  private readonly waiters: Array<{ match: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }> = [];
  private readonly host = `${randomToken(4)}.invalid`;
  readonly contactUser = randomToken(4);
  readonly contact = `<sip:${this.contactUser}@${this.host};transport=ws>`;
  private cseq = 1;
  private closed: Promise<void>;
  /** Called for every incoming request not claimed by a waiter. */
  onRequest?: (msg: SipMessage) => void;

  private constructor(private readonly socket: WsSocket) {
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('message', (data) => this.receive(parseSip(data.toString('utf8'))));
  }

  /** Opens the WebSocket; `origin` is the page a browser would send it from (none: not a browser). */
  static connect(url: string, opts: { origin?: string } = {}): Promise<WsSipClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, ['sip'], opts.origin ? { origin: opts.origin } : {});
      socket.on('open', () => resolve(new WsSipClient(socket)));
      socket.on('error', reject);
    });
  }

  private receive(msg: SipMessage) {
    const index = this.waiters.findIndex((w) => w.match(msg));
    if (index >= 0) {
      const [waiter] = this.waiters.splice(index, 1);
      waiter?.resolve(msg);
      return;
    }
    if (msg.method && this.onRequest) this.onRequest(msg);
    else this.inbox.push(msg);
  }

  /** Next message (already queued or future) matching `match`. */
  next(match: (m: SipMessage) => boolean): Promise<SipMessage> {
    const index = this.inbox.findIndex(match);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]!);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Next final response (>= 200) for a Call-ID and CSeq number. */
  finalResponse(callId: string, cseq: number): Promise<SipMessage> {
    return this.next(
      (m) =>
        (m.status ?? 0) >= 200 && header(m, 'call-id') === callId && header(m, 'cseq')?.startsWith(`${cseq} `) === true,
    );
  }

  send(raw: string) {
    this.socket.send(raw);
  }

  private via() {
    return `SIP/2.0/WS ${this.host};branch=z9hG4bK${randomToken(8)};rport`;
  }

  /** REGISTER (answering the digest challenge); resolves with the final response. */
  async register(opts: {
    extension: string;
    domain: string;
    credentials: Credentials;
    expires?: number;
  }): Promise<SipMessage> {
    const callId = randomToken(10);
    const aor = `sip:${opts.extension}@${opts.domain}`;
    const build = (auth?: string) =>
      buildMessage(`REGISTER sip:${opts.domain} SIP/2.0`, [
        ['Via', this.via()],
        ['Max-Forwards', '70'],
        ['From', `<${aor}>;tag=${randomToken(4)}`],
        ['To', `<${aor}>`],
        ['Call-ID', callId],
        ['CSeq', `${this.cseq} REGISTER`],
        ['Contact', `${this.contact};expires=${opts.expires ?? 600}`],
        ['Expires', String(opts.expires ?? 600)],
        ...(auth ? ([['Authorization', auth]] as Array<[string, string]>) : []),
      ]);
    this.send(build());
    let reply = await this.finalResponse(callId, this.cseq++);
    if (reply.status === 401) {
      const challenge = header(reply, 'www-authenticate') ?? '';
      const auth = digestAuthorization(challenge, {
        ...opts.credentials,
        method: 'REGISTER',
        uri: `sip:${opts.domain}`,
      });
      this.send(build(auth));
      reply = await this.finalResponse(callId, this.cseq++);
    }
    return reply;
  }

  /**
   * Answers INVITEs automatically (180 then 200 with a WebRTC answer) and accepts BYEs.
   * Returns the log of requests received.
   */
  autoAnswer(): SipMessage[] {
    const seen: SipMessage[] = [];
    const toTag = randomToken(4);
    this.onRequest = (req) => {
      seen.push(req);
      if (req.method === 'INVITE') {
        this.send(this.reply(req, 180, 'Ringing', toTag));
        // Like a browser, answer with the offer's media ID.
        const mid = /a=mid:(\S+)/.exec(req.body)?.[1] ?? '0';
        const answer = WEBRTC_SDP.replace('a=mid:0', `a=mid:${mid}`).replace('BUNDLE 0', `BUNDLE ${mid}`);
        this.send(this.reply(req, 200, 'OK', toTag, answer));
      } else if (req.method === 'BYE' || req.method === 'OPTIONS') {
        this.send(this.reply(req, 200, 'OK'));
      }
    };
    return seen;
  }

  reply(req: SipMessage, status: number, reason: string, toTag?: string, sdp?: string): string {
    const to = header(req, 'to') ?? '';
    const headers: Array<[string, string]> = [
      ...headerAll(req, 'via').map((v): [string, string] => ['Via', v]),
      ...headerAll(req, 'record-route').map((r): [string, string] => ['Record-Route', r]),
      ['From', header(req, 'from') ?? ''],
      ['To', toTag && !/;tag=/.test(to) ? `${to};tag=${toTag}` : to],
      ['Call-ID', header(req, 'call-id') ?? ''],
      ['CSeq', header(req, 'cseq') ?? ''],
    ];
    if (req.method === 'INVITE' && status < 300) headers.push(['Contact', this.contact]);
    if (sdp) headers.push(['Content-Type', 'application/sdp']);
    return buildMessage(`SIP/2.0 ${status} ${reason}`, headers, sdp ?? '');
  }

  /**
   * Calls `target` (answering a 407 with the credentials), ACKs the 2xx along the route
   * set and returns the dialog, or the final failure response.
   */
  async invite(opts: {
    from: string;
    target: string;
    domain: string;
    credentials: Credentials;
    sdp?: string;
    fromDisplay?: string;
    headers?: Array<[string, string]>;
  }) {
    const callId = randomToken(10);
    const fromTag = randomToken(4);
    const fromUri = `sip:${opts.from}@${opts.domain}`;
    const cseq = this.cseq++;
    const sdp = opts.sdp ?? WEBRTC_SDP;
    const build = (auth?: string) =>
      buildMessage(
        `INVITE ${opts.target} SIP/2.0`,
        [
          ['Via', this.via()],
          ['Max-Forwards', '70'],
          ['From', `${opts.fromDisplay ? `${opts.fromDisplay} ` : ''}<${fromUri}>;tag=${fromTag}`],
          ['To', `<${opts.target}>`],
          ['Call-ID', callId],
          ['CSeq', `${cseq} INVITE`],
          ['Contact', this.contact],
          ['Content-Type', 'application/sdp'],
          ...(opts.headers ?? []),
          ...(auth ? ([['Proxy-Authorization', auth]] as Array<[string, string]>) : []),
        ],
        sdp,
      );
    this.send(build());
    let reply = await this.finalResponse(callId, cseq);
    if (reply.status === 407) {
      this.ackFailure(reply, opts.target);
      const challenge = header(reply, 'proxy-authenticate') ?? '';
      const auth = digestAuthorization(challenge, { ...opts.credentials, method: 'INVITE', uri: opts.target });
      this.send(build(auth));
      reply = await this.finalResponse(callId, cseq);
    }
    if ((reply.status ?? 0) >= 300) {
      this.ackFailure(reply, opts.target);
      return { ok: false as const, reply };
    }
    const dialog: Dialog = {
      callId,
      from: header(reply, 'from') ?? '',
      to: header(reply, 'to') ?? '',
      remoteTarget: uriOf(header(reply, 'contact') ?? ''),
      routeSet: headerAll(reply, 'record-route').reverse(),
    };
    this.send(this.inDialog('ACK', dialog, cseq));
    return { ok: true as const, reply, dialog };
  }

  /**
   * Sends a MESSAGE to `target` from `from` (answering a 407 with the credentials), with any extra headers
   * the sender likes; resolves with the final response.
   */
  async message(opts: {
    from: string;
    target: string;
    domain: string;
    credentials: Credentials;
    body: string;
    headers?: Array<[string, string]>;
  }) {
    const callId = randomToken(10);
    const fromTag = randomToken(4);
    const cseq = this.cseq++;
    const build = (auth?: string) =>
      buildMessage(
        `MESSAGE ${opts.target} SIP/2.0`,
        [
          ['Via', this.via()],
          ['Max-Forwards', '70'],
          ['From', `<sip:${opts.from}@${opts.domain}>;tag=${fromTag}`],
          ['To', `<${opts.target}>`],
          ['Call-ID', callId],
          ['CSeq', `${cseq} MESSAGE`],
          ...(opts.headers ?? []),
          ['Content-Type', 'text/plain;charset=UTF-8'],
          ...(auth ? ([['Proxy-Authorization', auth]] as Array<[string, string]>) : []),
        ],
        opts.body,
      );
    this.send(build());
    let reply = await this.finalResponse(callId, cseq);
    if (reply.status === 407) {
      const challenge = header(reply, 'proxy-authenticate') ?? '';
      this.send(build(digestAuthorization(challenge, { ...opts.credentials, method: 'MESSAGE', uri: opts.target })));
      reply = await this.finalResponse(callId, cseq);
    }
    return reply;
  }

  /** BYE inside a dialog from invite(); resolves with its final response. */
  async bye(dialog: Dialog) {
    const cseq = this.cseq++;
    this.send(this.inDialog('BYE', dialog, cseq));
    return this.finalResponse(dialog.callId, cseq);
  }

  /** re-INVITE with a fresh offer (as sip.js does after a reconnect); ACKs a 2xx. */
  async reinvite(dialog: Dialog, sdp = WEBRTC_SDP) {
    const cseq = this.cseq++;
    this.send(this.inDialog('INVITE', dialog, cseq, sdp));
    const reply = await this.finalResponse(dialog.callId, cseq);
    if ((reply.status ?? 0) < 300) this.send(this.inDialog('ACK', dialog, cseq));
    return reply;
  }

  private inDialog(method: string, d: Dialog, cseq: number, sdp?: string) {
    return buildMessage(
      `${method} ${d.remoteTarget} SIP/2.0`,
      [
        ['Via', this.via()],
        ['Max-Forwards', '70'],
        ...d.routeSet.map((r): [string, string] => ['Route', r]),
        ['From', d.from],
        ['To', d.to],
        ['Call-ID', d.callId],
        ['CSeq', `${cseq} ${method}`],
        ['Contact', this.contact],
        ...(sdp ? ([['Content-Type', 'application/sdp']] as Array<[string, string]>) : []),
      ],
      sdp ?? '',
    );
  }

  /** ACK for a non-2xx final response (same branch as the INVITE). */
  private ackFailure(reply: SipMessage, target: string) {
    this.send(
      buildMessage(`ACK ${target} SIP/2.0`, [
        ['Via', header(reply, 'via') ?? ''],
        ['Max-Forwards', '70'],
        ['From', header(reply, 'from') ?? ''],
        ['To', header(reply, 'to') ?? ''],
        ['Call-ID', header(reply, 'call-id') ?? ''],
        ['CSeq', `${(header(reply, 'cseq') ?? '1').split(' ')[0]} ACK`],
      ]),
    );
  }

  /** Closes the WebSocket and waits until it is closed. */
  async close(): Promise<void> {
    if (this.socket.readyState === 1 || this.socket.readyState === 0) this.socket.close();
    await this.closed;
  }
}
