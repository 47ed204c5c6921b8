/** The SDP of a plain-RTP audio offer, and our answer: PCMU plus telephone-event (RFC 4733) if offered. */

export type AudioOffer = { host: string; port: number; pcmu: boolean; telephoneEvents: number[] };

export function parseOffer(sdp: string): AudioOffer | undefined {
  const lines = sdp.split(/\r?\n/);
  const media = lines.findIndex((l) => l.startsWith('m=audio '));
  if (media < 0) return undefined;
  const [, port, , ...formats] = lines[media]!.split(' ');
  const sessionC = lines.slice(0, media).find((l) => l.startsWith('c='));
  const mediaLines = lines.slice(media + 1);
  const end = mediaLines.findIndex((l) => l.startsWith('m='));
  const own = end < 0 ? mediaLines : mediaLines.slice(0, end);
  const c = own.find((l) => l.startsWith('c=')) ?? sessionC;
  const host = c?.split(' ')[2];
  if (!host || !port) return undefined;
  const events = own.flatMap((l) => {
    const m = /^a=rtpmap:(\d+) telephone-event\/8000/i.exec(l);
    return m ? [Number(m[1])] : [];
  });
  return {
    host,
    port: Number(port),
    pcmu: formats.includes('0'),
    telephoneEvents: events.filter((pt) => formats.includes(String(pt))),
  };
}

export function buildAnswer(opts: {
  host: string;
  port: number;
  telephoneEvents: number[];
  sessionId: number;
}): string {
  const pts = ['0', ...opts.telephoneEvents.map(String)].join(' ');
  return [
    'v=0',
    `o=switchboard-voicemail ${opts.sessionId} ${opts.sessionId} IN IP4 ${opts.host}`,
    's=voicemail',
    `c=IN IP4 ${opts.host}`,
    't=0 0',
    `m=audio ${opts.port} RTP/AVP ${pts}`,
    'a=rtpmap:0 PCMU/8000',
    ...opts.telephoneEvents.flatMap((pt) => [`a=rtpmap:${pt} telephone-event/8000`, `a=fmtp:${pt} 0-15`]),
    'a=ptime:20',
    'a=sendrecv',
    '',
  ].join('\r\n');
}
