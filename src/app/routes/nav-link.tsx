import { Link, useLocation } from 'wouter';

/** What waits on a link's screen: shown as a number, read as words ("Voicemail, 2 unheard"). */
export type NavCount = { count: number; what: string };

/**
 * A navigation link marked `aria-current="page"` on its own screen (and, unless `exact`, on the screens below).
 * With a count above 0 it shows the number beside the label and its name says it: "Voicemail, 2 unheard".
 */
export function NavLink({
  href,
  exact,
  waiting,
  children,
}: {
  href: string;
  exact?: boolean;
  waiting?: NavCount;
  children: string;
}) {
  const [path] = useLocation();
  const current = path === href || (!exact && path.startsWith(`${href}/`));
  const count = waiting?.count ?? 0;
  return (
    <Link
      href={href}
      className="nav-link"
      aria-current={current ? 'page' : undefined}
      aria-label={count > 0 ? `${children}, ${count} ${waiting!.what}` : undefined}
    >
      {children}
      {count > 0 && (
        <span className="nav-count" aria-hidden="true" data-count={count}>
          {count}
        </span>
      )}
    </Link>
  );
}
