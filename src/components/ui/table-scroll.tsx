import type { ReactNode } from 'react';

/**
 * A table wider than a narrow screen scrolls sideways inside this box, never the page. The box is a named region
 * in the tab order, so a keyboard user can focus it and scroll it with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
