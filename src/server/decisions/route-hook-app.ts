import express from 'express';
import { AppError } from '../../common/errors';
import { routeQuerySchema, type HookAction, type RouteQuery } from '../../common/sip-hooks';
import { hookGuard } from '../auth/hook-guard';
import { errorHandler } from '../http/errors';

/**
 * Kamailio's route hook alone (/internal/sip/route: where does this call go next), with the hook token in a
 * header like every hook (hook-guard.ts). Served by the decision thread on a loopback port of its own.
 */
export function createRouteHookApp(deps: {
  route: (q: RouteQuery) => HookAction;
  token: string;
  log?: (line: string) => void;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.get('/internal/sip/route', hookGuard(deps.token), (req, res) => {
    const q = routeQuerySchema.parse(req.query);
    const action = deps.route(q);
    deps.log?.(
      `[sip-hooks] route ${q.callId} attempt ${q.attempt}${q.lastCode ? ` after ${q.lastCode}` : ''}: ${JSON.stringify(action)}`,
    );
    res.json(action);
  });
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}
