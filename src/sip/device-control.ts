import {
  attachRemoteAudio,
  detachRemoteAudio,
  listAudioDevices,
  micConstraints,
  replaceMicTrack,
  setAudioOutput,
} from './media';
import type { PhoneRuntime } from './runtime';
import type { CallEntry } from './session-binding';

export function createDeviceControl(rt: PhoneRuntime) {
  const actions = () => rt.store.getState();

  const attachAudio = (entry: CallEntry) => {
    const sdh = entry.session.sessionDescriptionHandler;
    if (!sdh?.remoteMediaStream || !rt.createAudioElement) return;
    if (!entry.audio) {
      entry.audio = rt.createAudioElement();
      const outputId = actions().devices.outputId;
      if (outputId) void setAudioOutput(entry.audio, outputId).catch(() => undefined);
    }
    attachRemoteAudio(entry.audio, sdh, rt.onAudioRefused);
  };

  /** Plays every call's audio again (sound was just allowed: the agent clicked). */
  const resumeAudio = () => {
    for (const entry of rt.entries.values())
      if (entry.audio?.srcObject) void entry.audio.play()?.catch(() => undefined);
  };

  const detachAudio = (entry: CallEntry) => {
    if (entry.audio) detachRemoteAudio(entry.audio);
    entry.audio = undefined;
  };

  const refreshDevices = async (): Promise<void> => {
    if (!rt.mediaDevices) return;
    const { inputs, outputs } = await listAudioDevices(rt.mediaDevices);
    actions().setDevices({ inputs, outputs });
  };

  /** Switches the microphone for future calls and for every call in progress. */
  const setInputDevice = async (deviceId: string): Promise<void> => {
    actions().setDevices({ inputId: deviceId });
    const mediaDevices = rt.mediaDevices;
    if (!mediaDevices) return;
    // The kept microphone (call-media.ts) once it has opened the new device, else the browser's.
    const micStream = rt.micStream ?? ((c: MediaStreamConstraints) => mediaDevices.getUserMedia(c));
    const constraints = micConstraints(rt.audioConstraints, deviceId);
    await Promise.all(
      [...rt.entries.values()]
        .filter((entry) => entry.established)
        .map((entry) => {
          const call = actions().calls.find((c) => c.id === entry.id);
          if (!call || call.status === 'ended') return Promise.resolve();
          const enabled = !(call.muted || call.held);
          return replaceMicTrack(entry.session.sessionDescriptionHandler, micStream, constraints, enabled);
        }),
    );
  };

  /** Switches the speaker/headset for every call's audio, now and later. */
  const setOutputDevice = async (deviceId: string): Promise<void> => {
    actions().setDevices({ outputId: deviceId });
    await Promise.all(
      [...rt.entries.values()].flatMap((entry) => (entry.audio ? [setAudioOutput(entry.audio, deviceId)] : [])),
    );
  };

  return { attachAudio, detachAudio, refreshDevices, setInputDevice, setOutputDevice, resumeAudio };
}
