import { readFileSync, writeFileSync } from 'node:fs';
import { mulawTone } from './pcmu';

/**
 * A classic libpcap file of RTP/PCMU over UDP/IPv4/Ethernet, the format sipp's play_pcap_audio reads
 * and Wireshark opens. Our own media endpoint (rtp-endpoint.ts) plays the same files.
 */

const PCAP_MAGIC = 0xa1b2c3d4;
const LINKTYPE_ETHERNET = 1;
const RTP_HEADER = 12;

export interface RtpPacket {
  /** Microseconds from the first packet. */
  offsetUs: number;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  marker: boolean;
  payload: Buffer;
}

function ipChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

function frame(rtp: Buffer, srcPort: number, dstPort: number): Buffer {
  const eth = Buffer.alloc(14);
  eth.writeUInt16BE(0x0800, 12);
  const udpLength = 8 + rtp.length;
  const ip = Buffer.alloc(20);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(20 + udpLength, 2);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(17, 9);
  ip.set([127, 0, 0, 1], 12);
  ip.set([127, 0, 0, 1], 16);
  ip.writeUInt16BE(ipChecksum(ip), 10);
  const udp = Buffer.alloc(8);
  udp.writeUInt16BE(srcPort, 0);
  udp.writeUInt16BE(dstPort, 2);
  udp.writeUInt16BE(udpLength, 4); // checksum 0: none (allowed over IPv4)
  return Buffer.concat([eth, ip, udp, rtp]);
}

export function rtpHeader(p: Omit<RtpPacket, 'offsetUs' | 'payload'>): Buffer {
  const h = Buffer.alloc(RTP_HEADER);
  h.writeUInt8(0x80, 0);
  h.writeUInt8((p.marker ? 0x80 : 0) | p.payloadType, 1);
  h.writeUInt16BE(p.sequence & 0xffff, 2);
  h.writeUInt32BE(p.timestamp >>> 0, 4);
  h.writeUInt32BE(p.ssrc >>> 0, 8);
  return h;
}

export function parseRtp(datagram: Buffer): Omit<RtpPacket, 'offsetUs'> | undefined {
  if (datagram.length < RTP_HEADER || datagram[0]! >> 6 !== 2) return undefined;
  const csrcCount = datagram[0]! & 0x0f;
  const extension = (datagram[0]! & 0x10) !== 0;
  let offset = RTP_HEADER + 4 * csrcCount;
  if (extension && datagram.length >= offset + 4) offset += 4 + 4 * datagram.readUInt16BE(offset + 2);
  const padding = datagram[0]! & 0x20 ? datagram[datagram.length - 1]! : 0;
  return {
    marker: (datagram[1]! & 0x80) !== 0,
    payloadType: datagram[1]! & 0x7f,
    sequence: datagram.readUInt16BE(2),
    timestamp: datagram.readUInt32BE(4),
    ssrc: datagram.readUInt32BE(8),
    payload: datagram.subarray(offset, datagram.length - padding),
  };
}

/** Writes `seconds` of a PCMU tone as 20 ms RTP packets (payload type 0). */
export function writeTonePcap(path: string, opts: { frequency: number; seconds: number; ssrc?: number }) {
  const audio = mulawTone(opts.frequency, opts.seconds);
  const ssrc = opts.ssrc ?? 0x5b0a0000 + opts.frequency;
  const packets: RtpPacket[] = [];
  for (let i = 0; (i + 1) * 160 <= audio.length; i++) {
    packets.push({
      payloadType: 0,
      sequence: i,
      timestamp: i * 160,
      ssrc,
      marker: i === 0,
      offsetUs: i * 20_000,
      payload: audio.subarray(i * 160, (i + 1) * 160),
    });
  }
  writeRtpPcap(path, packets);
}

/** Writes RTP packets (any payload type, e.g. RFC 4733 telephone events) as a pcap. */
export function writeRtpPcap(path: string, packets: RtpPacket[]) {
  const global = Buffer.alloc(24);
  global.writeUInt32LE(PCAP_MAGIC, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(LINKTYPE_ETHERNET, 20);
  const records: Buffer[] = [global];
  for (const p of packets) {
    const rtp = Buffer.concat([rtpHeader(p), p.payload]);
    const data = frame(rtp, 6000, 6000);
    const usTotal = p.offsetUs;
    const record = Buffer.alloc(16);
    record.writeUInt32LE(Math.floor(usTotal / 1_000_000), 0);
    record.writeUInt32LE(usTotal % 1_000_000, 4);
    record.writeUInt32LE(data.length, 8);
    record.writeUInt32LE(data.length, 12);
    records.push(record, data);
  }
  writeFileSync(path, Buffer.concat(records));
}

/** RTP packets of a pcap written by writeTonePcap (or any Ethernet/IPv4/UDP capture of RTP). */
export function readRtpPcap(path: string): RtpPacket[] {
  const file = readFileSync(path);
  if (file.readUInt32LE(0) !== PCAP_MAGIC || file.readUInt32LE(20) !== LINKTYPE_ETHERNET) {
    throw new Error(`${path}: not a little-endian Ethernet pcap`);
  }
  const packets: RtpPacket[] = [];
  let first: number | undefined;
  for (let at = 24; at + 16 <= file.length;) {
    const us = file.readUInt32LE(at) * 1_000_000 + file.readUInt32LE(at + 4);
    const length = file.readUInt32LE(at + 8);
    const data = file.subarray(at + 16, at + 16 + length);
    at += 16 + length;
    if (data.readUInt16BE(12) !== 0x0800 || data[23] !== 17) continue;
    const ipHeader = (data[14]! & 0x0f) * 4;
    const rtp = parseRtp(data.subarray(14 + ipHeader + 8));
    if (!rtp) continue;
    first ??= us;
    packets.push({ ...rtp, offsetUs: us - first });
  }
  return packets;
}
