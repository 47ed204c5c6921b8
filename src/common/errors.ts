import { z } from 'zod/mini';

export const errorCodes = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_CREDENTIALS',
  'ALREADY_CLAIMED',
  'CALLER_ID_NOT_ALLOWED',
  'TOO_LARGE',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error shape every API answer and feed ack carries. `path` names the field for validation errors. */
export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  path: z.optional(z.array(z.union([z.string(), z.number()]))),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: (string | number)[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    return this.path
      ? { code: this.code, message: this.message, path: this.path }
      : { code: this.code, message: this.message };
  }
}
