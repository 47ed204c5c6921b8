import type { Config } from '../config';
import type { Db } from '../storage/database';
import { probeRtpengine, probeTcp, type ProbeResult } from './probes';

export type Health = { status: 'ok' | 'degraded'; checks: { database: ProbeResult; kamailio: ProbeResult; rtpengine: ProbeResult } };

export async function checkHealth(db: Db, config: Config): Promise<Health> {
  const database = checkDatabase(db);
  const [kamailio, rtpengine] = await Promise.all([
    probeTcp(config.kamailio.host, config.kamailio.wsPort),
    probeRtpengine(config.rtpengine.host, config.rtpengine.port),
  ]);
  const allUp = database.up && kamailio.up && rtpengine.up;
  return { status: allUp ? 'ok' : 'degraded', checks: { database, kamailio, rtpengine } };
}

function checkDatabase(db: Db): ProbeResult {
  try {
    db.prepare('SELECT 1').get();
    return { up: true };
  } catch (e) {
    return { up: false, detail: (e as Error).message };
  }
}
