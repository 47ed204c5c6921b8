const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * After a refused save: the first error on the form (in reading order) is scrolled into view and the field it
 * belongs to gets focus, so the admin lands on what to fix. A collapsed section holding it is opened first.
 * Returns the element focused, if any.
 */
export function focusFirstError(form: HTMLElement | null): HTMLElement | null {
  const error = form?.querySelector<HTMLElement>('[role="alert"]');
  if (!error) return null;
  for (let el: HTMLElement | null = error; el && el !== form; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement) el.open = true;
  }
  const owner =
    error.closest('label')?.querySelector<HTMLElement>(FOCUSABLE) ??
    error.closest('fieldset')?.querySelector<HTMLElement>(FOCUSABLE);
  const target = owner ?? error;
  if (!owner) target.tabIndex = -1;
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
  return target;
}
