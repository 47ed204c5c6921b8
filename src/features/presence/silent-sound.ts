/** A tenth of a second of silence as a WAV file (8 kHz, 16-bit mono PCM): every browser plays it. */
function silentWav(): Uint8Array {
  const samples = 800;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  return bytes;
}

/**
 * Plays silence through an unmuted <audio>, as a call's audio is played: the browser's autoplay policy
 * refuses it (NotAllowedError) exactly when it would refuse the caller's voice.
 */
export function createSilencePlayer(doc: Document): () => Promise<void> {
  let url: string | undefined;
  return async () => {
    url ??= URL.createObjectURL(new Blob([silentWav() as BlobPart], { type: 'audio/wav' }));
    const element = doc.createElement('audio');
    element.src = url;
    try {
      await element.play();
    } finally {
      element.pause();
      element.removeAttribute('src');
    }
  };
}
