import { createStore } from 'zustand/vanilla';
import { phoneProblems, type PhoneProblem } from '../../common/presence-health';

type Listens = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** The browser's parts the checks read, injected so unit tests can play any browser. */
export type PhoneHealthDeps = {
  mediaDevices?: Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'> & Listens;
  permissions?: Pick<Permissions, 'query'>;
  /** Plays a moment of silence as a call's audio would play; rejects with NotAllowedError while autoplay is blocked. */
  playSilence?: () => Promise<void>;
  /** Where the agent's clicks and keys land (the document): any of them lets sound play. */
  gestures?: Listens;
  /** Plays the calls' audio again once sound is allowed (the phone's elements that were refused). */
  resumeCalls?: () => void;
};

export type PhoneHealthState = { problems: PhoneProblem[] };

const GESTURES = ['pointerdown', 'keydown'] as const;
const named = (e: unknown) => (e as { name?: unknown } | null)?.name;

/**
 * What would make a call fail on this page, checked where the browser tells: the microphone (at start, on
 * every device change and permission change) and sound (a silent play, refused while the autoplay policy
 * blocks it; the agent's next click or key, or "Click to enable sound", allows it). The problems go into the
 * phone's report; the companion makes the agent unroutable while there are any.
 */
export function createPhoneHealth(deps: PhoneHealthDeps) {
  const store = createStore<PhoneHealthState>(() => ({ problems: [] }));
  let microphone: PhoneProblem | undefined;
  let soundBlocked = false;
  let running = false;
  let checking = 0;
  let permission: PermissionStatus | undefined;

  const publish = () => {
    const found = new Set([microphone, soundBlocked ? 'sound-blocked' : undefined]);
    const problems = phoneProblems.filter((p) => found.has(p));
    const now = store.getState().problems;
    if (problems.length !== now.length || problems.some((p, i) => p !== now[i])) store.setState({ problems });
  };

  async function microphoneProblem(): Promise<PhoneProblem | undefined> {
    const md = deps.mediaDevices;
    if (!md) return 'no-microphone';
    const state = permission?.state;
    if (state === 'denied') return 'microphone-denied';
    const devices = await md.enumerateDevices();
    if (!devices.some((d) => d.kind === 'audioinput')) return 'no-microphone';
    if (state === 'granted') return undefined;
    // Not decided yet (or no Permissions API): ask now rather than when a call rings.
    try {
      const stream = await md.getUserMedia({ audio: true, video: false });
      for (const t of stream.getTracks()) t.stop();
      return undefined;
    } catch (e) {
      if (named(e) === 'NotAllowedError' || named(e) === 'SecurityError') return 'microphone-denied';
      if (named(e) === 'NotFoundError' || named(e) === 'OverconstrainedError') return 'no-microphone';
      return undefined;
    }
  }

  /** The latest check wins: a device plugged in while an older check runs is not undone by it. */
  async function checkMicrophone(): Promise<void> {
    const mine = ++checking;
    const found = await microphoneProblem().catch(() => undefined);
    if (mine !== checking || !running) return;
    microphone = found;
    publish();
  }

  /** Resolves whether sound may play now. */
  async function checkSound(): Promise<boolean> {
    if (!deps.playSilence) return true;
    try {
      await deps.playSilence();
      soundBlocked = false;
    } catch (e) {
      if (named(e) === 'NotAllowedError') soundBlocked = true;
    }
    if (soundBlocked) watchGestures();
    else {
      unwatchGestures();
      deps.resumeCalls?.();
    }
    publish();
    return !soundBlocked;
  }

  const onGesture = () => void checkSound();
  const onDeviceChange = () => void checkMicrophone();
  const watchGestures = () => GESTURES.forEach((g) => deps.gestures?.addEventListener(g, onGesture));
  const unwatchGestures = () => GESTURES.forEach((g) => deps.gestures?.removeEventListener(g, onGesture));

  return {
    store,
    problems: () => store.getState().problems,
    /** At sign-in: checks both, then follows device and permission changes. */
    async start(): Promise<void> {
      if (running) return;
      running = true;
      deps.mediaDevices?.addEventListener('devicechange', onDeviceChange);
      permission = await deps.permissions?.query({ name: 'microphone' as PermissionName }).catch(() => undefined);
      permission?.addEventListener('change', onDeviceChange);
      await Promise.all([checkMicrophone(), checkSound()]);
    },
    stop(): void {
      running = false;
      deps.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
      permission?.removeEventListener('change', onDeviceChange);
      unwatchGestures();
    },
    /** "Click to enable sound": call it from the click itself, which is what lets the browser play. */
    enableSound: checkSound,
    /** A call's audio was refused by the autoplay policy. */
    soundRefused(): void {
      soundBlocked = true;
      watchGestures();
      publish();
    },
  };
}
export type PhoneHealth = ReturnType<typeof createPhoneHealth>;
