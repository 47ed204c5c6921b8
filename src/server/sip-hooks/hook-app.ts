import express from 'express';
import { AppError } from '../../common/errors';
import { errorHandler } from '../http/errors';
import { voicemailHookRoutes } from '../voicemail/voicemail-hooks.routes';
import type { Voicemail } from '../voicemail/voicemail-module';
import type { TextsService } from '../notifications/texts-service';
import { sipHookRoutes, type SipHookDeps } from './sip-hooks.routes';
import { textHookRoutes } from './text-hooks.routes';

/**
 * The hook listener's whole app: Kamailio's /internal/sip/* (calls and texts) and the voicemail service's /internal/voicemail/*,
 * nothing else (no API, no static files).
 */
export function createHookApp(deps: SipHookDeps & { voicemail?: Voicemail; texts?: TextsService }): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Kamailio and the voicemail service never revalidate an answer: no ETag is worked out for each one.
  app.disable('etag');
  app.use(express.json({ limit: '64kb' }));
  app.use(sipHookRoutes(deps));
  if (deps.texts) app.use(textHookRoutes({ texts: deps.texts, token: deps.token, log: deps.log }));
  if (deps.voicemail)
    app.use(voicemailHookRoutes({ hooks: deps.voicemail.hooks, deposit: deps.voicemail.deposit, token: deps.token }));
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}
