import type { Config } from '../config';
import type { Db } from '../storage/database';
import { probeRtpengine, probeSipUdp, probeTcp, type ProbeResult } from './probes';

export type Health = {
  status: 'ok' | 'degraded';
  checks: { database: ProbeResult; kamailio: ProbeResult; rtpengine: ProbeResult; voicemail: ProbeResult };
};

export async function checkHealth(db: Db, config: Config): Promise<Health> {
  const database = checkDatabase(db);
  const [vmHost, vmPort] = config.voicemail.sip.split(':');
  const [kamailio, rtpengine, voicemail] = await Promise.all([
    probeTcp(config.kamailio.host, config.kamailio.wsPort),
    probeRtpengine(config.rtpengine.host, config.rtpengine.port),
    probeSipUdp(vmHost!, Number(vmPort)),
  ]);
  const allUp = database.up && kamailio.up && rtpengine.up && voicemail.up;
  return { status: allUp ? 'ok' : 'degraded', checks: { database, kamailio, rtpengine, voicemail } };
}

function checkDatabase(db: Db): ProbeResult {
  try {
    db.prepare('SELECT 1').get();
    return { up: true };
  } catch (e) {
    return { up: false, detail: (e as Error).message };
  }
}
