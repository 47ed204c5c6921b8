import type { z } from 'zod';
import { ApiRequestError } from '../../../common/api-request-error';
import { toAppError } from '../../../common/domain/zod-error';

/**
 * Checks a body with the schema the server uses (src/common) before anything is sent, so a page that saves in two
 * requests never saves half: the first problem comes back exactly as the server would have answered it.
 */
export function checkLikeTheServer<S extends z.ZodType>(schema: S, body: unknown): void {
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiRequestError(400, toAppError(result.error).toJSON());
}
