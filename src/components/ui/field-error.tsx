import { ApiRequestError } from '../../app/api-client';

/** The server's validation message, shown beside the field its path names (prefix match). */
export function FieldError({ error, path }: { error: unknown; path: (string | number)[] }) {
  if (!(error instanceof ApiRequestError) || !error.error.path) return null;
  const at = error.error.path;
  if (path.length > at.length || !path.every((p, i) => String(p) === String(at[i]))) return null;
  return (
    <span role="alert" className="field-error" data-path={at.join('.')}>
      {error.error.message}
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
