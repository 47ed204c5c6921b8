import { Router } from 'express';
import type { Config } from '../config';
import { checkHealth } from '../health/health';
import type { Db } from '../storage/database';

export function healthRoutes(deps: { db: Db; config: Config }): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    const health = await checkHealth(deps.db, deps.config);
    res
      .status(health.status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(health);
  });
  return r;
}
