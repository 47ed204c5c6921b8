import { useState } from 'react';
import { audioUrl } from './voicemail-api';

const speeds = [0.75, 1, 1.25, 1.5, 2] as const;

/**
 * The browser's own player (play, pause, seek bar: the audio URL answers range requests) with a playback
 * speed. Playing a message for the first time marks it heard.
 */
export function MessagePlayer({ id, onFirstPlay }: { id: string; onFirstPlay: () => void }) {
  const [speed, setSpeed] = useState(1);
  return (
    <div className="player">
      <audio
        controls
        preload="metadata"
        src={audioUrl(id)}
        data-voicemail-audio={id}
        ref={(el) => {
          if (el) el.playbackRate = speed;
        }}
        onPlay={onFirstPlay}
        aria-label="Message audio"
      />
      <label>
        Speed
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
