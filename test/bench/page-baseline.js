// In-page half of the bare-WebRTC baseline (no SIP): an RTCPeerConnection in each agent page, set up as the
// phone sets up a call (same microphone constraints, no ICE servers, full ICE gathering before the SDP is
// sent, as sip.js does, capped at the phone's 500 ms; remote audio attached to an autoplaying <audio>).
// Needs page-bench.js first (window.__bench). Installs `window.__baseline`.
(() => {
  const bench = window.__bench;
  const mic = { audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, video: false };
  const GATHER_CAP_MS = 500;
  let peer;

  const gathered = (pc) =>
    new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      const timer = setTimeout(resolve, GATHER_CAP_MS);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState !== 'complete') return;
        clearTimeout(timer);
        resolve();
      });
    });

  const open = async () => {
    const stream = await navigator.mediaDevices.getUserMedia(mic);
    const pc = new RTCPeerConnection({ iceServers: [] });
    const remote = new MediaStream();
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.srcObject = remote;
    pc.addEventListener('track', (e) => remote.addTrack(e.track));
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    peer = { pc, stream, remote, audio };
    return peer;
  };

  /** Offerer: getUserMedia, createOffer, gather; returns the offer and the start time (before getUserMedia). */
  const offer = async () => {
    const start = bench.now();
    const { pc } = await open();
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    return { start, gathered: bench.now(), sdp: pc.localDescription.sdp };
  };

  /** Answerer: getUserMedia, apply the offer, createAnswer, gather; returns the answer. Listens for `hz`. */
  let answererHeard;
  const answer = async (sdp, hz) => {
    const { pc, remote } = await open();
    answererHeard = bench.waitForTone(() => remote, hz);
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    return { sdp: pc.localDescription.sdp, at: bench.now() };
  };

  /** Offerer: apply the answer, then wait until the answerer's tone is heard. */
  const finish = async (sdp, hz) => {
    const { pc, remote } = peer;
    const applied = bench.now();
    await pc.setRemoteDescription({ type: 'answer', sdp });
    const heard = await bench.waitForTone(() => remote, hz);
    return { applied, heard };
  };

  /** When the answerer first heard the offerer's tone (the far end hears us). */
  const heardByAnswerer = () => answererHeard;

  const close = () => {
    if (!peer) return;
    peer.pc.close();
    peer.stream.getTracks().forEach((t) => t.stop());
    peer.audio.srcObject = null;
    peer = undefined;
  };

  window.__baseline = { offer, answer, finish, heardByAnswerer, close };
})();
