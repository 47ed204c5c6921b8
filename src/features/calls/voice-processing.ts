/**
 * Echo cancellation, noise suppression and automatic gain: on by default (right for laptops and speakers).
 * Agents with good headsets, and our audio tests, turn them off. Kept in this browser; read at start-up.
 */
const KEY = 'switchboard.voiceProcessing';

export function voiceProcessingEnabled(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): boolean {
  return storage?.getItem(KEY) !== 'off';
}

export function setVoiceProcessing(
  enabled: boolean,
  storage: Pick<Storage, 'setItem'> = globalThis.localStorage,
): void {
  storage.setItem(KEY, enabled ? 'on' : 'off');
}

export function voiceConstraints(enabled: boolean): MediaTrackConstraints {
  return { echoCancellation: enabled, noiseSuppression: enabled, autoGainControl: enabled };
}
