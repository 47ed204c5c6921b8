import type { AudioDevice } from './phone-store';
import type { SdhLike } from './sip-types';

/** Call-centre defaults; tests that measure tones turn these off. */
export const defaultAudioConstraints: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export function micConstraints(base: MediaTrackConstraints, inputId?: string): MediaStreamConstraints {
  return { audio: inputId ? { ...base, deviceId: { exact: inputId } } : { ...base }, video: false };
}

export function defaultCreateAudioElement(): HTMLAudioElement {
  const element = document.createElement('audio');
  element.autoplay = true;
  return element;
}

function senderAudioTracks(sdh: SdhLike | undefined): MediaStreamTrack[] {
  const senders = sdh?.peerConnection?.getSenders() ?? [];
  return senders.flatMap((s) => (s.track && s.track.kind === 'audio' ? [s.track] : []));
}

/** Mute (and hold) keep the call up but send silence: the far end hears nothing. */
export function setMicEnabled(sdh: SdhLike | undefined, enabled: boolean): void {
  for (const track of senderAudioTracks(sdh)) track.enabled = enabled;
}

/** Swap the microphone of a live call without renegotiating (RTCRtpSender.replaceTrack). */
export async function replaceMicTrack(
  sdh: SdhLike | undefined,
  micStream: (constraints: MediaStreamConstraints) => Promise<MediaStream>,
  constraints: MediaStreamConstraints,
  enabled: boolean,
): Promise<void> {
  const pc = sdh?.peerConnection;
  const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio');
  if (!sender) return;
  const stream = await micStream(constraints);
  const track = stream.getAudioTracks()[0];
  if (!track) return;
  track.enabled = enabled;
  const old = sender.track;
  await sender.replaceTrack(track);
  // Keep sip.js's idea of the local stream current so it stops the right track at hang-up.
  const local = sdh?.localMediaStream;
  if (old && local) local.removeTrack(old);
  local?.addTrack(track);
  old?.stop();
}

type SinkCapable = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export async function setAudioOutput(element: HTMLAudioElement, deviceId: string): Promise<void> {
  const el = element as SinkCapable;
  if (typeof el.setSinkId === 'function') await el.setSinkId(deviceId);
}

/** Whether the browser's autoplay policy refused this play (the agent has not clicked the page yet). */
export const refusedByAutoplay = (e: unknown) => (e as { name?: unknown } | null)?.name === 'NotAllowedError';

/**
 * Plays the far end: the SDH's remote stream gains its tracks as they arrive. `onRefused`: the autoplay
 * policy blocked it (the agent would not hear the caller).
 */
export function attachRemoteAudio(element: HTMLAudioElement, sdh: SdhLike, onRefused?: () => void): void {
  const stream = sdh.remoteMediaStream;
  if (!stream || element.srcObject === stream) return;
  element.autoplay = true;
  element.srcObject = stream;
  const play = () => void element.play()?.catch((e: unknown) => refusedByAutoplay(e) && onRefused?.());
  stream.addEventListener?.('addtrack', play);
  play();
}

export function detachRemoteAudio(element: HTMLAudioElement): void {
  element.pause?.();
  element.srcObject = null;
}

export async function listAudioDevices(
  mediaDevices: MediaDevices,
): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[] }> {
  const all = await mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string) =>
    all
      .filter((d) => d.kind === kind)
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return { inputs: pick('audioinput', 'Microphone'), outputs: pick('audiooutput', 'Speaker') };
}
