import express from 'express';
import { AppError } from '../../common/errors';
import type { LoginThrottle } from '../auth/login-throttle';
import type { Sessions } from '../auth/sessions';
import type { Config } from '../config';
import type { PresenceService } from '../presence/presence-service';
import type { Repos } from '../storage/repos';
import { authRoutes } from './auth.routes';
import { errorHandler } from './errors';
import { healthRoutes } from './health.routes';
import { originGuard } from './origin-guard';
import { presenceRoutes } from './presence.routes';
import { staticApp } from './static-app';

export type HttpDeps = {
  config: Config;
  repos: Repos;
  sessions: Sessions;
  throttle: LoginThrottle;
  presence: PresenceService;
  isAllowedOrigin: (origin: string) => boolean;
  now: () => number;
};

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '1mb' }));
  app.use(originGuard(deps.isAllowedOrigin));
  const common = { ...deps, staff: deps.repos.staff };
  app.use(healthRoutes({ db: deps.repos.db, config: deps.config }));
  app.use(authRoutes(common));
  app.use(presenceRoutes(common));
  app.use('/api', (req, _res, next) => next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.originalUrl}`)));
  app.use(staticApp(deps.config.staticDir));
  app.use(errorHandler);
  return app;
}
