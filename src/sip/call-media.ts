// Media for calls: the session description handler factory sip.js uses, the microphone kept open between
// calls and a pre-warmed peer connection for the next outbound call.
import { Inviter, type Core, type SessionDescriptionHandlerFactory, type Web } from 'sip.js';
import { CallSessionDescriptionHandler } from './call-sdh';
import { createMicKeeper } from './mic-keeper';
import type { Timers } from './reconnect';
import { createWarmPool } from './warm-pool';

/** A pre-warmed connection that waited this long is replaced (its addresses may be stale). */
export const WARM_MAX_AGE_MS = 5 * 60_000;
/** After the first UDP host candidate, how long the other interfaces' host candidates may take. */
export const HOST_SETTLE_MS = 20;

type NetworkEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface CallMediaConfig {
  mediaDevices?: MediaDevices;
  iceServers?: RTCIceServer[];
  /** ms to wait for ICE candidates before sending the SDP (when STUN/TURN servers are configured). */
  iceGatheringTimeout?: number;
  timers: Timers;
  /** Where `online` and connection `change` events arrive (a network change makes warm connections stale). */
  network?: { online?: NetworkEvents; connection?: NetworkEvents };
}

export interface CallMedia {
  factory: SessionDescriptionHandlerFactory;
  /** Keep the microphone open and a connection ready for calls with these constraints. */
  warm(constraints: MediaStreamConstraints): void;
  /** Let the microphone go and close the ready connection. */
  cool(): void;
  /** The network changed (reconnected, online): replace the ready connection. */
  refresh(): void;
  /** The microphone for a call (a clone of the held track when it matches). */
  micStream(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** For tests and the bench: whether a connection is ready and the microphone held. */
  state(): { pool: 'off' | 'building' | 'ready' | 'failed'; micHeld: boolean; warmCalls: number };
}

const keyOf = (c: MediaStreamConstraints | undefined) => JSON.stringify(c ?? {});

const quietLogger = {
  error: (m: string) => console.warn(m),
  warn: (m: string) => console.warn(m),
  log: () => undefined,
  debug: () => undefined,
} as unknown as Core.Logger;

export function createCallMedia(config: CallMediaConfig): CallMedia {
  const iceServers = config.iceServers ?? [];
  const mediaDevices = config.mediaDevices;
  const getUserMedia = (c: MediaStreamConstraints) =>
    mediaDevices ? mediaDevices.getUserMedia(c) : Promise.reject(new Error('No media devices'));
  const mic = createMicKeeper({
    getUserMedia,
    makeStream: (tracks) => new MediaStream(tracks),
    onReopened: () => pool.refresh(),
  });
  const mediaStreamFactory: Web.MediaStreamFactory = (constraints) =>
    !constraints.audio && !constraints.video ? Promise.resolve(new MediaStream()) : mic.streamFor(constraints);
  const sdhConfiguration = {
    peerConnectionConfiguration: { iceServers },
    iceGatheringTimeout: config.iceGatheringTimeout ?? 500,
  };
  const hostOnly = iceServers.length === 0 ? { timers: config.timers, settleMs: HOST_SETTLE_MS } : undefined;
  const makeSdh = (logger: Core.Logger) =>
    new CallSessionDescriptionHandler(logger, mediaStreamFactory, sdhConfiguration, hostOnly);

  const pool = createWarmPool<CallSessionDescriptionHandler>({
    create: async (key) => {
      const sdh = makeSdh(quietLogger);
      try {
        await sdh.prewarm({ constraints: JSON.parse(key) as MediaStreamConstraints });
        return sdh;
      } catch (error) {
        sdh.close();
        throw error;
      }
    },
    dispose: (sdh) => sdh.close(),
    timers: config.timers,
    maxAgeMs: WARM_MAX_AGE_MS,
  });

  // A network change: `online` on the window, `change` on navigator.connection (never the window's own
  // `change`, which every form field's change bubbles up to).
  const onNetworkChange = () => pool.refresh();
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    config.network?.online?.[method]('online', onNetworkChange);
    config.network?.connection?.[method]('change', onNetworkChange);
  };
  let listening = false;

  let wanted: string | undefined;
  /** Calls that went out on a pre-warmed connection (each its own: the pool hands a connection out once). */
  let warmCalls = 0;
  const factory: SessionDescriptionHandlerFactory = (session) => {
    // Only a new outbound call's first offer can be made before the click; answers need the caller's offer.
    if (session instanceof Inviter) {
      const warm = pool.take(keyOf(session.sessionDescriptionHandlerOptions.constraints));
      if (warm) {
        warmCalls++;
        return warm;
      }
    }
    return makeSdh(session.userAgent.getLogger('sip.SessionDescriptionHandler'));
  };

  return {
    factory,
    warm(constraints) {
      const key = keyOf(constraints);
      if (wanted === key) return;
      wanted = key;
      if (!listening) listen(true);
      listening = true;
      void mic.hold(constraints).then(() => {
        // Cooled or re-keyed meanwhile, or no microphone (refused, none): nothing to warm.
        if (wanted === key && mic.holding()) pool.warm(key);
      });
    },
    cool() {
      wanted = undefined;
      if (listening) listen(false);
      listening = false;
      pool.stop();
      mic.release();
    },
    refresh: () => pool.refresh(),
    micStream: (constraints) => mic.streamFor(constraints),
    state: () => ({ pool: pool.state(), micHeld: mic.holding(), warmCalls }),
  };
}
