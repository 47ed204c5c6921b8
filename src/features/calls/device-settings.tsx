import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectDevices } from '../../sip/phone-store';
import { Button } from '../../components/ui/button';
import { ringerDevice, setRingerDevice } from './ringer-device';
import { createRingtone } from './ringtone';
import { prewarmSetting, setPrewarmSetting } from './prewarm-gate';
import { setVoiceProcessing, voiceProcessingEnabled } from './voice-processing';

/** Microphone, speaker and ringing device; microphone and speaker apply to calls in progress too. */
export function DeviceSettings() {
  const { phone } = useServices();
  const devices = useStore(phone.store, selectDevices);
  const [processing, setProcessing] = useState(voiceProcessingEnabled);
  const [ringer, setRinger] = useState(ringerDevice);
  const [ready, setReady] = useState(prewarmSetting);
  const preview = useMemo(
    () => createRingtone({ sinkId: () => ringerDevice() || phone.store.getState().devices.outputId || '' }),
    [phone],
  );
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
      <label>
        Ringing device
        <select
          value={ringer}
          onChange={(e) => {
            setRingerDevice(e.target.value);
            setRinger(e.target.value);
          }}
        >
          <option value="">Same as speaker</option>
          {devices.outputs.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || 'Speaker'}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <Button onClick={() => void preview.preview()}>Test ringing device</Button>
      </div>
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
      <label className="inline">
        <input
          type="checkbox"
          checked={ready}
          onChange={(e) => {
            setPrewarmSetting(e.target.checked);
            setReady(e.target.checked);
          }}
        />
        Keep the microphone ready while available (calls start sooner; the browser shows the microphone in use)
      </label>
    </section>
  );
}
