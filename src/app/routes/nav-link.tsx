import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** A navigation link marked `aria-current="page"` on its own screen (and, unless `exact`, on the screens below). */
export function NavLink({ href, exact, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const [path] = useLocation();
  const current = path === href || (!exact && path.startsWith(`${href}/`));
  return (
    <Link href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
