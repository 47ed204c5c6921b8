import type { ErrorRequestHandler } from 'express';
import { core } from 'zod';
import { AppError, type ErrorCode } from '../../common/errors';

const statusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CALLER_ID_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_CLAIMED: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

/** Turns a zod failure into our error shape: the first issue's message and field path. */
export function fromZod(err: core.$ZodError): AppError {
  const issue = err.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
  const where = path.length ? `${path.join('.')}: ` : '';
  return new AppError('INVALID_INPUT', `${where}${issue?.message ?? 'Invalid input'}`, path);
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // Any zod failure, from a full schema or a zod/mini one (shared with the browser).
  if (err instanceof core.$ZodError) return fromZod(err);
  if (err instanceof SyntaxError && 'body' in err)
    return new AppError('INVALID_INPUT', 'The request body is not valid JSON.');
  // The body reader's and router's own refusals (too large, bad encoding, a malformed path): the client's fault.
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new AppError('TOO_LARGE', 'The request body is too large.');
    const type = (err as { type?: unknown }).type;
    return new AppError(
      'INVALID_INPUT',
      typeof type === 'string' ? `The request body could not be read (${type}).` : 'The request could not be read.',
    );
  }
  return new AppError('INTERNAL', 'Something went wrong on our side.');
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL') console.error('[http] unexpected error', err);
  res.status(statusByCode[appError.code]).json({ error: appError.toJSON() });
};
