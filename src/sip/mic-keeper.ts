/**
 * The microphone kept open between calls (while the phone may pre-warm): one getUserMedia stream, and each
 * call gets a clone of its track, so hanging up (sip.js stops the call's tracks) never closes the microphone
 * and the next call skips getUserMedia. When the track ends (device unplugged) it is opened again.
 */
export interface MicKeeper {
  /** Opens the microphone for `constraints` (a new device: opens that one, then lets the old one go). */
  hold(constraints: MediaStreamConstraints): Promise<void>;
  /** A stream for one call: a clone of the held track when it matches `constraints`, else getUserMedia. */
  streamFor(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** Lets the microphone go (the browser's indicator goes off once no call uses it either). */
  release(): void;
  /** Whether the microphone is held open now. */
  holding(): boolean;
}

export interface MicKeeperDeps {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** A stream made of these tracks (the browser's MediaStream; tests pass their own). */
  makeStream(tracks: MediaStreamTrack[]): MediaStream;
  /** The held microphone was opened again (its track had ended): what was made from the old one is stale. */
  onReopened?(): void;
}

const keyOf = (c: MediaStreamConstraints) => JSON.stringify(c);

type Held = { key: string; constraints: MediaStreamConstraints; ready: Promise<MediaStreamTrack | undefined> };

export function createMicKeeper(deps: MicKeeperDeps): MicKeeper {
  let held: Held | undefined;
  let track: MediaStreamTrack | undefined;

  const stopTrack = () => {
    track?.stop();
    track = undefined;
  };

  const open = (constraints: MediaStreamConstraints, reopening: boolean): Promise<void> => {
    const mine: Held = { key: keyOf(constraints), constraints, ready: Promise.resolve(undefined) };
    held = mine;
    mine.ready = deps.getUserMedia(constraints).then(
      (stream) => {
        const next = stream.getAudioTracks()[0];
        if (held !== mine || !next) {
          stream.getTracks().forEach((t) => t.stop());
          return undefined;
        }
        stopTrack();
        track = next;
        next.addEventListener?.('ended', () => {
          if (track !== next || held !== mine) return;
          track = undefined;
          void open(constraints, true);
        });
        if (reopening) deps.onReopened?.();
        return next;
      },
      () => undefined,
    );
    return mine.ready.then(() => undefined);
  };

  return {
    hold(constraints) {
      if (held?.key === keyOf(constraints)) return held.ready.then(() => undefined);
      return open(constraints, false);
    },
    async streamFor(constraints) {
      const mine = held;
      if (mine && mine.key === keyOf(constraints)) {
        const live = await mine.ready;
        if (live && live === track && live.readyState !== 'ended') return deps.makeStream([live.clone()]);
      }
      return deps.getUserMedia(constraints);
    },
    release() {
      held = undefined;
      stopTrack();
    },
    holding: () => track !== undefined,
  };
}
