import express from 'express';
import { AppError } from '../../common/errors';
import { errorHandler } from '../http/errors';
import { sipHookRoutes, type SipHookDeps } from './sip-hooks.routes';

/** The hook listener's whole app: Kamailio's /internal/sip/* and nothing else (no API, no static files). */
export function createHookApp(deps: SipHookDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(sipHookRoutes(deps));
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}
