import { ApiRequestError } from '../../common/api-request-error';

/** The server's validation message, shown beside the field its path names (prefix match). */
export function FieldError({ error, path }: { error: unknown; path: (string | number)[] }) {
  if (!(error instanceof ApiRequestError) || !error.error.path) return null;
  const at = error.error.path;
  if (path.length > at.length || !path.every((p, i) => String(p) === String(at[i]))) return null;
  // The API's message names the field ("rule.destinations: …") for API users; beside the field that is noise.
  const prefix = `${at.join('.')}: `;
  const message = error.error.message.startsWith(prefix)
    ? error.error.message.slice(prefix.length)
    : error.error.message;
  return (
    <span role="alert" className="field-error" data-path={at.join('.')}>
      {message}
    </span>
  );
}

/** The error when it names no field shown on the form (or is not a validation error at all). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error instanceof Error ? error.message : 'Something went wrong.'}
    </p>
  );
}
