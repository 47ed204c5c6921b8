import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectDevices } from '../../sip/phone-store';
import { setVoiceProcessing, voiceProcessingEnabled } from './voice-processing';

/** Microphone and speaker choice; both apply to calls in progress too. */
export function DeviceSettings() {
  const { phone } = useServices();
  const devices = useStore(phone.store, selectDevices);
  const [processing, setProcessing] = useState(voiceProcessingEnabled);
  useEffect(() => {
    void phone.refreshDevices();
    const onChange = () => void phone.refreshDevices();
    navigator.mediaDevices?.addEventListener?.('devicechange', onChange);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', onChange);
  }, [phone]);
  return (
    <section className="panel devices" aria-label="Audio devices">
      <label>
        Microphone
        <select value={devices.inputId ?? ''} onChange={(e) => void phone.setInputDevice(e.target.value)}>
          <option value="">System default</option>
          {devices.inputs.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || 'Microphone'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Speaker
        <select value={devices.outputId ?? ''} onChange={(e) => void phone.setOutputDevice(e.target.value)}>
          <option value="">System default</option>
          {devices.outputs.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || 'Speaker'}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={processing}
          onChange={(e) => {
            setVoiceProcessing(e.target.checked);
            setProcessing(e.target.checked);
          }}
        />
        Voice processing (echo cancellation, noise suppression); applies after reloading the page
      </label>
    </section>
  );
}
