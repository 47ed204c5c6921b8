import type { ReactNode } from 'react';
import { Link, Redirect } from 'wouter';
import type { Me } from '../../common/auth';
import { paths } from './paths';
import type { AppRoute, Params, Resolved, RouteId } from './route-table';

export type PageProps = { me: Me; params: Params; navigate: (to: string) => void };
/** What each screen renders (`admin` only redirects, so it has none). */
export type Pages = Record<Exclude<RouteId, 'admin'>, (props: PageProps) => ReactNode>;

const who: Record<AppRoute['access'], string> = {
  everyone: 'everyone',
  oversees: 'supervisors and admins',
  admin: 'admins',
};

function NotAllowed({ route }: { route: AppRoute }) {
  return (
    <section className="panel route-message" aria-labelledby="route-message-title">
      <h1 id="route-message-title">You can’t open this page</h1>
      <p>
        {route.title} is for {who[route.access]} only. Ask an admin if you need it.
      </p>
      <Link href={paths.keypad}>Go to your phone</Link>
    </section>
  );
}

function NotFound({ path }: { path: string }) {
  return (
    <section className="panel route-message" aria-labelledby="route-message-title">
      <h1 id="route-message-title">Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. The link may be old or mistyped.
      </p>
      <Link href={paths.keypad}>Go to your phone</Link>
    </section>
  );
}

/** The screen for the resolved path: its page, a redirect, or a clear "not allowed" / "not found" with a way home. */
export function RouteView({
  path,
  resolved,
  pages,
  ...props
}: { path: string; resolved: Resolved; pages: Pages } & Omit<PageProps, 'params'>) {
  switch (resolved.kind) {
    case 'not-found':
      return <NotFound path={path} />;
    case 'not-allowed':
      return <NotAllowed route={resolved.route} />;
    case 'redirect':
      return <Redirect to={resolved.to} replace />;
    case 'page': {
      const id = resolved.route.id;
      return id === 'admin' ? null : pages[id]({ ...props, params: resolved.params });
    }
  }
}
