import { ApiRequestError } from '../../common/api-request-error';
import { FieldError, FormError } from './field-error';

type Path = (string | number)[];

const errorPath = (error: unknown): Path | undefined =>
  error instanceof ApiRequestError ? error.error.path : undefined;

/** The server's message for exactly this path (a group as a whole), not for the fields inside it. */
export function ExactFieldError({ error, path }: { error: unknown; path: Path }) {
  return errorPath(error)?.length === path.length ? <FieldError error={error} path={path} /> : null;
}

/** The error when the form shows no field under its path (so it is never shown twice, nor lost). */
export function UnplacedFormError({ error, shown }: { error: unknown; shown: Path[] }) {
  const at = errorPath(error);
  const placed = at?.length && shown.some((prefix) => prefix.every((p, i) => String(p) === String(at[i])));
  return placed ? null : <FormError error={error} />;
}
