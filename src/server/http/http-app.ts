import express from 'express';
import { AppError } from '../../common/errors';
import type { LoginThrottle } from '../auth/login-throttle';
import type { Revocation } from '../auth/revocation';
import type { Sessions } from '../auth/sessions';
import type { Config } from '../config';
import type { PresenceService } from '../presence/presence-service';
import type { Repos } from '../storage/repos';
import type { CallHistory } from '../domain/call-history';
import type { InboundCalls } from '../domain/inbound-calls';
import type { OutboundCalls } from '../domain/outbound-calls';
import type { NotificationsModule } from '../notifications/notifications-module';
import { authRoutes } from './auth.routes';
import { contactsRoutes } from './contacts.routes';
import { callRoutes } from './calls.routes';
import { errorHandler } from './errors';
import { healthRoutes } from './health.routes';
import { meRoutes } from './me.routes';
import { notificationRoutes } from './notifications.routes';
import { numbersRoutes } from './numbers.routes';
import { originGuard } from './origin-guard';
import { presenceRoutes } from './presence.routes';
import { presenceSettingsRoutes } from './presence-settings.routes';
import { routingRoutes } from './routing.routes';
import { staffRoutes } from './staff.routes';
import { staticApp } from './static-app';
import { supervisorRoutes } from './supervisor.routes';
import type { SupervisionDeps } from '../supervisor/supervision';
import { voicemailRoutes } from './voicemail.routes';
import type { Voicemail } from '../voicemail/voicemail-module';

export type HttpDeps = {
  config: Config;
  repos: Repos;
  sessions: Sessions;
  throttle: LoginThrottle;
  revocation: Revocation;
  presence: PresenceService;
  isAllowedOrigin: (origin: string) => boolean;
  now: () => number;
  callHooks: { calls: InboundCalls; outbound: OutboundCalls; history: CallHistory };
  voicemail: Voicemail;
  unknownCallers: NotificationsModule;
  supervision: Pick<SupervisionDeps, 'history' | 'activity' | 'rev'>;
};

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '3mb' }));
  app.use(originGuard(deps.isAllowedOrigin));
  const common = { ...deps, staff: deps.repos.staff, changes: deps.repos.changes };
  app.use(healthRoutes({ db: deps.repos.db, config: deps.config }));
  app.use(authRoutes(common));
  // Before the numbers routes: /api/numbers/greetings is not a number id.
  app.use(voicemailRoutes({ ...common, inbox: deps.voicemail.inbox, greetings: deps.voicemail.greetings }));
  app.use(presenceRoutes(common));
  app.use(presenceSettingsRoutes(common));
  app.use(supervisorRoutes({ ...common, ...deps.supervision }));
  app.use(numbersRoutes(common));
  app.use(staffRoutes(common));
  app.use(contactsRoutes(common));
  app.use(routingRoutes(common));
  app.use(meRoutes(common));
  // Kamailio's hooks live on the loopback hook listener only (sip-hooks/hook-app.ts).
  app.use('/internal', (req, _res, next) =>
    next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(callRoutes({ ...common, history: deps.callHooks.history }));
  app.use(notificationRoutes({ ...common, ...deps.unknownCallers }));
  app.use('/api', (req, _res, next) =>
    next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(staticApp(deps.config.staticDir));
  app.use(errorHandler);
  return app;
}
