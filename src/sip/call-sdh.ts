// The phone's session description handler: sip.js's own, plus a pre-warmed first offer and an early end to
// ICE gathering when only host candidates can come.
import { Web, type Core, type SessionDescriptionHandlerModifier } from 'sip.js';
import type { Timers } from './reconnect';

type SdhOptions = Web.SessionDescriptionHandlerOptions;
type Body = { body: string; contentType: string };

export interface HostOnlyGathering {
  timers: Timers;
  /** How long to wait after the first UDP host candidate for the other interfaces' host candidates. */
  settleMs: number;
}

/** True for an SDP candidate line (or RTCIceCandidate.candidate) of a UDP host candidate. */
export const isUdpHostCandidate = (candidate: string) => / udp .* typ host\b/i.test(candidate);

/**
 * Calls `done` once the UDP host candidates are in: `settleMs` after the first one (already in the local
 * description, or arriving). Without STUN/TURN servers nothing better can come; Chromium's TCP host
 * candidate (port 9, useless to rtpengine and to a browser) otherwise holds gathering up ~125 ms.
 * Returns a cancel.
 */
export function whenHostCandidatesIn(pc: RTCPeerConnection, gathering: HostOnlyGathering, done: () => void) {
  let timer: unknown;
  const settle = () => {
    if (timer !== undefined) return;
    pc.removeEventListener('icecandidate', onCandidate);
    timer = gathering.timers.setTimeout(done, gathering.settleMs);
  };
  const onCandidate = (e: RTCPeerConnectionIceEvent) => {
    if (e.candidate && isUdpHostCandidate(e.candidate.candidate)) settle();
  };
  pc.addEventListener('icecandidate', onCandidate);
  if (
    (pc.localDescription?.sdp ?? '').split(/\r?\n/).some((l) => l.startsWith('a=candidate:') && isUdpHostCandidate(l))
  )
    settle();
  return () => {
    pc.removeEventListener('icecandidate', onCandidate);
    if (timer !== undefined) gathering.timers.clearTimeout(timer);
  };
}

export class CallSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  private warmOffer = false;
  private readonly hostOnly?: HostOnlyGathering;

  constructor(
    logger: Core.Logger,
    mediaStreamFactory: Web.MediaStreamFactory,
    configuration: Web.SessionDescriptionHandlerConfiguration,
    hostOnly?: HostOnlyGathering,
  ) {
    super(logger, mediaStreamFactory, configuration);
    this.hostOnly = hostOnly;
  }

  /** Before any call: the microphone track in, the offer made and set, the candidates gathered. */
  async prewarm(options: SdhOptions): Promise<void> {
    await super.getDescription(options);
    this.warmOffer = true;
  }

  /** The first offer of a pre-warmed handler is the one made before the click (with every candidate since). */
  override getDescription(options?: SdhOptions, modifiers?: SessionDescriptionHandlerModifier[]): Promise<Body> {
    const pc = this.peerConnection;
    if (this.warmOffer && pc?.signalingState === 'have-local-offer' && pc.localDescription && !modifiers?.length) {
      this.warmOffer = false;
      return Promise.resolve({ body: pc.localDescription.sdp, contentType: 'application/sdp' });
    }
    this.warmOffer = false;
    return super.getDescription(options, modifiers);
  }

  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    const waiting = super.waitForIceGatheringComplete(restart, timeout);
    const pc = this.peerConnection;
    if (this.hostOnly && pc && !restart && pc.iceGatheringState !== 'complete') {
      const cancel = whenHostCandidatesIn(pc, this.hostOnly, () => this.iceGatheringComplete());
      void waiting.then(cancel, cancel);
    }
    return waiting;
  }
}
