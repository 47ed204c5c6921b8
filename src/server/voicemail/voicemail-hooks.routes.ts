import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../common/errors';
import { presentedHookToken, sameHookToken } from '../auth/hook-guard';
import { newMessageQuerySchema, portalLoginSchema, portalPromptSchema } from '../../common/voicemail-hooks';
import type { ServiceHooks } from './service-hooks';

const wrap =
  (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    void fn(req, res).catch(next);
const pcmu = (res: Response, audio: Uint8Array) =>
  void res.type('audio/basic').send(Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength));

/**
 * The voicemail service's view of the companion (src/common/voicemail-hooks.ts): loopback only, with the
 * hook token in a header (never in the URL, which logs print).
 */
export function voicemailHookRoutes(deps: {
  hooks: ServiceHooks;
  deposit: (q: ReturnType<typeof newMessageQuerySchema.parse>, body: Uint8Array) => unknown;
  token: string;
}): Router {
  const r = Router();
  r.use('/internal/voicemail', (req, _res, next) => {
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    if (!loopback || !sameHookToken(presentedHookToken(req), deps.token))
      return next(new AppError('FORBIDDEN', 'Voicemail hooks need the hook token, from this host.'));
    next();
  });
  const { hooks } = deps;
  r.get('/internal/voicemail/boxes/:boxId', (req, res) => void res.json(hooks.box(String(req.params.boxId))));
  r.get(
    '/internal/voicemail/audio/greeting/:boxId',
    wrap(async (req, res) => pcmu(res, await hooks.greeting(String(req.params.boxId)))),
  );
  r.get(
    '/internal/voicemail/audio/prompt/:name',
    wrap(async (req, res) => pcmu(res, await hooks.prompt(portalPromptSchema.parse(req.params.name)))),
  );
  r.get('/internal/voicemail/boxes/:boxId/messages/:id/audio', (req, res) =>
    pcmu(res, hooks.messageAudio(String(req.params.boxId), String(req.params.id))),
  );
  r.post('/internal/voicemail/boxes/:boxId/messages/:id/heard', (req, res) => {
    hooks.heard(String(req.params.boxId), String(req.params.id));
    res.json({ ok: true });
  });
  r.post(
    '/internal/voicemail/portal/login',
    wrap(async (req, res) => void res.json(await hooks.portalLogin(portalLoginSchema.parse(req.body)))),
  );
  r.post('/internal/voicemail/messages', express.raw({ type: () => true, limit: '64mb' }), (req, res) => {
    const q = newMessageQuerySchema.parse(req.query);
    const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    res.json(deps.deposit(q, body));
  });
  return r;
}
