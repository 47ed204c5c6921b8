import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { GREETING_MAX_BYTES } from '../../common/api/voicemail';
import { AppError } from '../../common/errors';
import type { Greetings } from '../voicemail/greetings';
import type { Inbox } from '../voicemail/inbox';
import { idParam, type RouteDeps } from './route-deps';
import { requireStaff, type AuthedRequest } from './require-staff';

const me = (req: unknown) => (req as AuthedRequest).staff;
const wrap =
  (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    void fn(req, res).catch(next);

/** An audio body up to the greeting limit; a bigger one is a validation error naming the file. */
function audioBody() {
  const raw = express.raw({
    type: (req) => !String(req.headers['content-type'] ?? '').startsWith('application/json'),
    limit: GREETING_MAX_BYTES,
  });
  return (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large')
        return next(
          new AppError('INVALID_INPUT', `file: Greeting files are up to ${GREETING_MAX_BYTES / 1024 / 1024} MB`, [
            'file',
          ]),
        );
      next(err);
    });
}

/**
 * The inbox (every agent, for the boxes they may hear; 404 for any other message) and the organisation's
 * greetings (everyone reads them for the pickers; admins upload, type and delete).
 */
export function voicemailRoutes(deps: RouteDeps & { inbox: Inbox; greetings: Greetings }): Router {
  const r = Router();
  const anyone = requireStaff(deps);
  const admin = requireStaff(deps, ['admin']);

  r.get(
    '/api/voicemail',
    anyone,
    (req, res) => void res.set('Cache-Control', 'no-store').json(deps.inbox.list(me(req))),
  );
  r.get('/api/voicemail/:id/audio', anyone, (req, res, next) => {
    const path = deps.inbox.audioPath(me(req), idParam(req));
    // sendFile answers Range requests (206 Partial Content), so the player can seek.
    res.sendFile(
      path,
      { headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'private, max-age=3600' }, acceptRanges: true },
      (err) => {
        if (err && !res.headersSent) next(new AppError('NOT_FOUND', 'The audio of this message is gone.'));
      },
    );
  });
  r.post('/api/voicemail/:id/heard', anyone, (req, res) => void res.json(deps.inbox.markHeard(me(req), idParam(req))));
  r.delete('/api/voicemail/:id', anyone, (req, res) => {
    deps.inbox.remove(me(req), idParam(req));
    res.status(204).end();
  });

  r.get('/api/numbers/greetings', anyone, (req, res) => void res.json(deps.greetings.list(me(req))));
  r.post(
    '/api/numbers/greetings',
    admin,
    audioBody(),
    wrap(async (req, res) => {
      const greeting = Buffer.isBuffer(req.body)
        ? await deps.greetings.upload(me(req), req.query.name, new Uint8Array(req.body))
        : await deps.greetings.spoken(me(req), req.body);
      res.status(201).json(greeting);
    }),
  );
  r.delete('/api/numbers/greetings/:id', admin, (req, res) => {
    deps.greetings.remove(me(req), idParam(req));
    res.status(204).end();
  });
  return r;
}
