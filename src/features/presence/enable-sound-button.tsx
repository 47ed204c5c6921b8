import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { PhoneHealthState } from './phone-health';

const selectSoundBlocked = (s: PhoneHealthState) => s.problems.includes('sound-blocked');

/**
 * Shown while this page may not play sound: the click is the gesture the browser's autoplay policy asks
 * for, so the sound check runs inside it. If the browser still refuses, says so.
 */
export function EnableSoundButton() {
  const { health } = useServices();
  const blocked = useStore(health.store, selectSoundBlocked);
  const [refused, setRefused] = useState(false);
  if (!blocked) return null;
  return (
    <span className="enable-sound">
      <button type="button" onClick={() => void health.enableSound().then((ok) => setRefused(!ok))}>
        Click to enable sound
      </button>
      {refused && <span role="alert">The browser still blocks sound; allow sound for this site in its settings.</span>}
    </span>
  );
}
