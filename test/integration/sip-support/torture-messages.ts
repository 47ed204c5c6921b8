/**
 * Hostile and malformed SIP in the spirit of RFC 4475 (SIP torture test messages): valid but tortuous
 * messages a parser must take, and invalid ones it must refuse without falling over. `{T}` is the target
 * (Kamailio's host:port), `{V}` the sender's Via sent-by, `{N}` a fresh token per send. Lines are joined with CRLF.
 */
const crlf = (lines: string[]) => lines.join('\r\n');

const sdp = crlf(['v=0', 'o=mhandley 29739 7272939 IN IP4 192.0.2.3', 's=-', 'c=IN IP4 192.0.2.4', 't=0 0', 'm=audio 49217 RTP/AVP 0 12', 'm=video 3227 RTP/AVP 31', 'a=rtpmap:31 LPC', '']);

export const TORTURE: Array<{ name: string; raw: string }> = [
  {
    name: 'tortuous INVITE: folded headers, odd case, compact forms, unknown params',
    raw: crlf([
      'INVITE sip:+442071234567@{T};unknownparam SIP/2.0',
      'TO :',
      ' sip:+442071234567@{T} ;   tag    = 1918181833n',
      'from   : "J Rosenberg \\\\\\""       <sip:+15550001@example.com>',
      '  ;',
      '  tag = 98asjd8',
      'MaX-fOrWaRdS: 0068',
      'Call-ID: wsinv.{N}@192.0.2.1',
      `Content-Length   : ${sdp.length}`,
      'cseq: 0009',
      '  INVITE',
      'Via  : SIP  /   2.0',
      ' /UDP',
      '    {V};branch=z9hG4bK390skdjuw{N}',
      's :',
      'NewFangledHeader:   newfangled value',
      ' continued newfangled value',
      'UnknownHeaderWithUnusualValue: ;;,,;;,;',
      'Content-Type: application/sdp',
      'm:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =',
      '      newvalue ;',
      '  secondparam ; q = 0.33',
      '',
      sdp,
    ]),
  },
  { name: 'method name that is a valid token but unknown', raw: crlf(['!interesting-Method0123456789_*+`.%indeed\'~ sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: intmeth.{N}', 'CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed\'~', 'Content-Length: 0', '', '']) },
  { name: 'escaped nulls in a URI user', raw: crlf(['REGISTER sip:{T} SIP/2.0', 'To: sip:null-%00-null@{T}', 'From: sip:null-%00-null@{T};tag=839923423', 'Max-Forwards: 70', 'Call-ID: escnull.{N}', 'CSeq: 14398234 REGISTER', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Contact: <sip:%00@host5.example.net>', 'L:0', '', '']) },
  { name: 'a huge CSeq number', raw: crlf(['OPTIONS sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: scalar02.{N}', 'CSeq: 36893488147419103232 OPTIONS', 'Content-Length: 0', '', '']) },
  { name: 'Max-Forwards and Expires far out of range', raw: crlf(['REGISTER sip:{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 300', 'From: <sip:1001@{T}>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: scalarlg.{N}', 'CSeq: 1 REGISTER', 'Contact: <sip:1001@192.0.2.9>;expires=280297596632815', 'Expires: 1020304050607080900', 'Content-Length: 0', '', '']) },
  { name: 'unbalanced quotes in a display name', raw: crlf(['INVITE sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: "Bob <sip:bob@example.com>;tag=1', 'To: "Alice <sip:1001@{T}>', 'Call-ID: quotbal.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'request-URI in angle brackets', raw: crlf(['INVITE <sip:1001@{T}> SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: ltgtruri.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'whitespace inside the request-URI', raw: crlf(['INVITE sip:1001@{T};lr=yes ; unknown SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: lwsruri.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'unknown protocol version', raw: crlf(['OPTIONS sip:{T} SIP/7.0', 'Via: SIP/7.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:b@{T}>', 'Call-ID: badvers.{N}', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', '']) },
  { name: 'CSeq method not matching the request method', raw: crlf(['OPTIONS sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: mismatch01.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'a response with a 4-digit status code', raw: crlf(['SIP/2.0 4294967301 better not break the receiver', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'From: <sip:a@example.com>;tag=1', 'To: <sip:b@{T}>;tag=2', 'Call-ID: bigcode.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'missing Call-ID, From and CSeq', raw: crlf(['INVITE sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'To: <sip:1001@{T}>', 'Content-Length: 0', '', '']) },
  { name: 'unknown URI scheme, Max-Forwards 0', raw: crlf(['OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 0', 'From: <sip:a@example.com>;tag=1', 'To: <sip:b@{T}>', 'Call-ID: unkscm.{N}', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', '']) },
  { name: 'multipart body with a bad boundary', raw: crlf(['MESSAGE sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: mpart.{N}', 'CSeq: 1 MESSAGE', 'Content-Type: multipart/mixed;boundary=', 'Content-Length: 20', '', '--\r\n--\r\n--\r\n--\r\n']) },
  { name: 'Content-Length larger than the body', raw: crlf(['INVITE sip:+442071234567@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:+15550003@example.com>;tag=1', 'To: <sip:+442071234567@{T}>', 'Call-ID: insuf.{N}', 'CSeq: 1 INVITE', 'Content-Type: application/sdp', 'Content-Length: 9999', '', 'v=0']) },
  { name: 'negative Content-Length', raw: crlf(['OPTIONS sip:{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:b@{T}>', 'Call-ID: ncl.{N}', 'CSeq: 1 OPTIONS', 'Content-Length: -999', '', '']) },
  { name: 'two Content-Lengths that disagree', raw: crlf(['MESSAGE sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: mcl01.{N}', 'CSeq: 1 MESSAGE', 'Content-Length: 3', 'Content-Length: 300', 'Content-Type: text/plain', '', 'abc']) },
  { name: 'a phone-network INVITE with hostile caller and called numbers', raw: crlf(['INVITE sip:%2B44%0D%0AX-Evil:%201@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: "\\"; DROP TABLE calls; --" <sip:+44\'or\'1\'=\'1@example.com>;tag=1', 'To: <sip:+442071234567@{T}>', 'Call-ID: hostile.{N}', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '']) },
  { name: 'a bare CRLF keepalive', raw: '\r\n\r\n' },
  { name: 'binary garbage', raw: Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)).toString('latin1') },
];

/** A request with one header of `bytes` bytes (oversized headers). */
export function oversized(bytes: number): string {
  return crlf(['OPTIONS sip:1001@{T} SIP/2.0', 'Via: SIP/2.0/UDP {V};branch=z9hG4bK{N}', 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=1', 'To: <sip:1001@{T}>', 'Call-ID: big.{N}', 'CSeq: 1 OPTIONS', `X-Huge: ${'A'.repeat(bytes)}`, 'Content-Length: 0', '', '']);
}

export const fill = (raw: string, values: { target: string; via: string; token: string }) =>
  raw.replaceAll('{T}', values.target).replaceAll('{V}', values.via).replaceAll('{N}', values.token);
