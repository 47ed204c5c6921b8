import { safeParse, type core, type output } from 'zod/mini';
import { AppError } from '../errors';

/** The first problem of a failed parse as the project's error: `INVALID_INPUT`, human message, field path. */
export function toAppError(error: core.$ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('INVALID_INPUT', 'The input is not valid');
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key.description) : key));
  return new AppError('INVALID_INPUT', issue.message, path);
}

/** Parses or throws the `INVALID_INPUT` AppError for the first problem. */
export function parseInput<S extends core.$ZodType>(schema: S, input: unknown): output<S> {
  const result = safeParse(schema, input);
  if (!result.success) throw toAppError(result.error);
  return result.data;
}
