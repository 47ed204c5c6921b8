import type { ApiError } from './errors';

/** A failed API call as the browser sees it: the HTTP status and the server's error code, message and field path. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
  }
}
