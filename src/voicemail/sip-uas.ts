import { randomBytes } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { EXTENSION_DIGITS, PHONE_NUMBER_DIGITS } from '../common/dial-plan';
import type { PortalLogin } from '../common/voicemail-hooks';
import { leaveMessage, voicePortal, type CallHandle } from './call-flows';
import type { CompanionClient } from './companion-client';
import { buildAnswer, parseOffer } from './sdp';
import { buildRequest, buildResponse, hostPortOf, parseSip, uriOf, userOf, type SipRequest } from './sip-message';
import { RtpStream } from './rtp-stream';

export type UasOptions = {
  host: string;
  port: number;
  /** Only this address (Kamailio) may start calls: host:port. */
  proxy: string;
  companion: CompanionClient;
  silenceSeconds: number;
  rtpRange?: { min: number; max: number };
  log: (line: string) => void;
};

type Dialog = {
  callId: string;
  invite: SipRequest;
  from: RemoteInfo;
  toTag: string;
  state: 'early' | 'confirmed' | 'ended';
  okText?: string;
  okTimer?: NodeJS.Timeout;
  rtp?: RtpStream;
  end: () => void;
  ended: Promise<void>;
  byeCseq: number;
};

const portalExtension = new RegExp(`^portal-ext-(${EXTENSION_DIGITS})$`);
const portalNumber = new RegExp(`^portal-num-(${PHONE_NUMBER_DIGITS})$`);

/** What the request-URI asks for: a box (`vm-<boxId>`) or the portal (`portal-ext-<ext>`, `portal-num-<digits>`). */
export function targetOf(
  uri: string,
): { kind: 'box'; boxId: string } | { kind: 'portal'; who: PortalLogin['who'] } | undefined {
  const user = userOf(uri);
  if (user.startsWith('vm-') && user.length > 3) return { kind: 'box', boxId: user.slice(3) };
  const ext = portalExtension.exec(user);
  if (ext) return { kind: 'portal', who: { kind: 'extension', extension: ext[1]! } };
  const num = portalNumber.exec(user);
  if (num) return { kind: 'portal', who: { kind: 'number', number: num[1]! } };
  return undefined;
}

/**
 * A minimal SIP user agent server over UDP: answers INVITEs that Kamailio relays to voicemail boxes or the
 * voice portal, keeps each dialog until a BYE (either way), and answers OPTIONS (the companion's health
 * probe). Retransmits its 200 OK until the ACK and its BYE until the 200 (RFC 3261 timers, simplified).
 */
export class SipUas {
  private readonly dialogs = new Map<string, Dialog>();
  private readonly byeRetries = new Map<string, NodeJS.Timeout[]>();
  private constructor(
    private readonly socket: Socket,
    private readonly opts: UasOptions,
  ) {
    socket.on(
      'message',
      (msg, rinfo) =>
        void this.handle(msg.toString('utf8'), rinfo).catch((err: unknown) => opts.log(`error: ${String(err)}`)),
    );
  }

  static start(opts: UasOptions): Promise<SipUas> {
    return new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.bind(opts.port, opts.host, () => {
        socket.off('error', reject);
        resolve(new SipUas(socket, opts));
      });
    });
  }

  get activeCalls(): number {
    return [...this.dialogs.values()].filter((d) => d.state !== 'ended').length;
  }

  private send(text: string, to: { address: string; port: number }) {
    this.socket.send(text, to.port, to.address);
  }

  private async handle(text: string, rinfo: RemoteInfo) {
    const msg = parseSip(text);
    if (!msg) return;
    if (msg.kind === 'response') {
      // A reply to our BYE: stop retransmitting it.
      const branch = /branch=([^;,\s]+)/.exec(msg.headers.get('via') ?? '')?.[1];
      if (branch) this.byeRetries.get(branch)?.forEach(clearTimeout);
      return;
    }
    const callId = msg.headers.get('call-id') ?? '';
    const dialog = this.dialogs.get(callId);
    switch (msg.method) {
      case 'OPTIONS':
        return this.send(
          buildResponse(msg, 200, 'OK', {
            toTag: randomBytes(4).toString('hex'),
            extra: [['allow', 'INVITE, ACK, BYE, CANCEL, OPTIONS']],
          }),
          rinfo,
        );
      case 'INVITE':
        if (dialog) {
          if (dialog.okText) this.send(dialog.okText, rinfo); // retransmission or re-INVITE: same answer
          return;
        }
        return this.invite(msg, rinfo);
      case 'ACK':
        if (dialog && dialog.state === 'early' && dialog.okText) {
          clearTimeout(dialog.okTimer);
          dialog.state = 'confirmed';
        }
        return;
      case 'CANCEL':
        this.send(buildResponse(msg, 200, 'OK'), rinfo);
        if (dialog && dialog.state === 'early' && !dialog.okText) {
          this.send(buildResponse(dialog.invite, 487, 'Request Terminated', { toTag: dialog.toTag }), dialog.from);
          dialog.end();
        }
        return;
      case 'BYE':
        this.send(buildResponse(msg, dialog ? 200 : 481, dialog ? 'OK' : 'Call/Transaction Does Not Exist'), rinfo);
        dialog?.end();
        return;
      default:
        return this.send(
          buildResponse(msg, 405, 'Method Not Allowed', { extra: [['allow', 'INVITE, ACK, BYE, CANCEL, OPTIONS']] }),
          rinfo,
        );
    }
  }

  private async invite(req: SipRequest, rinfo: RemoteInfo) {
    const toTag = randomBytes(6).toString('hex');
    const reply = (status: number, reason: string) => this.send(buildResponse(req, status, reason, { toTag }), rinfo);
    if (`${rinfo.address}:${rinfo.port}` !== this.opts.proxy) {
      this.opts.log(`refused INVITE from ${rinfo.address}:${rinfo.port}: only the SIP proxy may call voicemail`);
      return reply(403, 'Forbidden');
    }
    const callId = req.headers.get('call-id') ?? '';
    let end!: () => void;
    const ended = new Promise<void>((r) => (end = r));
    const dialog: Dialog = {
      callId,
      invite: req,
      from: rinfo,
      toTag,
      state: 'early',
      end: () => this.finish(dialog, end),
      ended,
      byeCseq: 1,
    };
    this.dialogs.set(callId, dialog);
    this.send(buildResponse(req, 100, 'Trying'), rinfo);

    const target = targetOf(req.uri);
    const offer = parseOffer(req.body);
    if (!target) return this.reject(dialog, 404, 'Not Found');
    if (!offer?.pcmu) return this.reject(dialog, 488, 'Not Acceptable Here');
    const box = target.kind === 'box' ? await this.opts.companion.box(target.boxId).catch(() => null) : undefined;
    if (box === null) return this.reject(dialog, 503, 'Service Unavailable');
    if (target.kind === 'box' && !box) return this.reject(dialog, 404, 'No Such Voicemail Box');
    if (dialog.state === 'ended') return; // cancelled meanwhile

    const rtp = await RtpStream.open(this.opts.host, offer.telephoneEvents, this.opts.rtpRange);
    rtp.connect({ host: offer.host, port: offer.port });
    dialog.rtp = rtp;
    const sdp = buildAnswer({
      host: this.opts.host,
      port: rtp.port,
      telephoneEvents: offer.telephoneEvents,
      sessionId: Date.now(),
    });
    const extra: Array<[string, string]> = [
      ...req.headers.all('record-route').map((rr): [string, string] => ['record-route', rr]),
      ['contact', `<sip:voicemail@${this.opts.host}:${this.opts.port}>`],
      ['allow', 'INVITE, ACK, BYE, CANCEL, OPTIONS'],
      ['content-type', 'application/sdp'],
    ];
    dialog.okText = buildResponse(req, 200, 'OK', { toTag, extra, body: sdp });
    let interval = 500;
    const retransmit = () => {
      if (dialog.state !== 'early') return;
      this.send(dialog.okText!, rinfo);
      interval = Math.min(interval * 2, 4000);
      dialog.okTimer = setTimeout(retransmit, interval);
    };
    retransmit();

    const caller = userOf(uriOf(req.headers.get('from') ?? '')) || 'anonymous';
    const handle: CallHandle = {
      callId,
      caller,
      rtp,
      ended,
      hangUp: () => this.bye(dialog),
      log: (l) => this.opts.log(`${callId}: ${l}`),
    };
    this.opts.log(
      `${callId}: answered ${target.kind === 'box' ? `box ${target.boxId}` : 'the voice portal'} for ${caller}`,
    );
    const flow =
      target.kind === 'box'
        ? leaveMessage(handle, box!, this.opts.companion, this.opts.silenceSeconds)
        : voicePortal(handle, target.who, this.opts.companion);
    await flow.catch((err: unknown) => {
      handle.log(`call failed: ${String(err)}`);
      this.bye(dialog);
    });
  }

  private reject(dialog: Dialog, status: number, reason: string) {
    if (dialog.state === 'ended') return;
    this.send(buildResponse(dialog.invite, status, reason, { toTag: dialog.toTag }), dialog.from);
    this.opts.log(`${dialog.callId}: ${status} ${reason}`);
    dialog.end();
  }

  /** Our BYE, along the route set the INVITE recorded, to the caller's contact. */
  private bye(dialog: Dialog) {
    if (dialog.state === 'ended') return;
    const inv = dialog.invite;
    const routes = inv.headers.all('record-route').flatMap((v) => v.split(/,(?=\s*<)/).map((r) => r.trim()));
    const contact = uriOf(inv.headers.get('contact') ?? inv.headers.get('from') ?? '');
    const next = routes.length ? hostPortOf(uriOf(routes[0]!)) : hostPortOf(contact);
    const branch = `z9hG4bK${randomBytes(8).toString('hex')}`;
    const text = buildRequest('BYE', contact, [
      ['via', `SIP/2.0/UDP ${this.opts.host}:${this.opts.port};branch=${branch};rport`],
      ...routes.map((r): [string, string] => ['route', r]),
      ['max-forwards', '70'],
      ['from', `${inv.headers.get('to')};tag=${dialog.toTag}`],
      ['to', inv.headers.get('from') ?? ''],
      ['call-id', dialog.callId],
      ['cseq', `${dialog.byeCseq++} BYE`],
    ]);
    const to = { address: next.host, port: next.port };
    this.send(text, to);
    // Retransmitted (500 ms, 1 s, 2 s, 4 s) until a reply names its branch.
    const timers = [500, 1500, 3500, 7500].map((ms) => setTimeout(() => this.send(text, to), ms).unref());
    this.byeRetries.set(branch, timers);
    setTimeout(() => this.byeRetries.delete(branch), 8000).unref();
    dialog.end();
  }

  private finish(dialog: Dialog, resolve: () => void) {
    if (dialog.state === 'ended') return;
    dialog.state = 'ended';
    clearTimeout(dialog.okTimer);
    dialog.rtp?.close();
    resolve();
    // Keep the ended dialog a while so retransmitted BYEs still get their 200.
    setTimeout(() => this.dialogs.delete(dialog.callId), 32_000).unref();
  }

  close(): Promise<void> {
    for (const d of this.dialogs.values()) if (d.state !== 'ended') this.bye(d);
    return new Promise((resolve) => setTimeout(() => this.socket.close(() => resolve()), 50));
  }
}
