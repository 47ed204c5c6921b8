import type { Role } from '../../common/auth';
import { adminSections, paths, type AdminSection } from './paths';

/** Who may open a screen: everyone signed in, supervisors and admins, or admins only. */
export type Access = 'everyone' | 'oversees' | 'admin';
/** Which part of the app a screen belongs to: its navigation and whether the dialer shows beside it. */
export type Area = 'phone' | 'team' | 'admin';

export type RouteId =
  | 'keypad'
  | 'contacts'
  | 'contact'
  | 'calls'
  | 'voicemail'
  | 'unknown-callers'
  | 'team'
  | 'team-unknown-callers'
  | 'who-would-ring'
  | 'admin'
  | `admin:${AdminSection}`
  | 'admin-number';

export type AppRoute = {
  id: RouteId;
  /** `/segment/:param`: a `:name` segment matches one non-empty segment. */
  pattern: string;
  title: string;
  access: Access;
  area: Area;
  /** A path that only sends on to another (`/admin` opens its first section). */
  redirect?: string;
};

const phone = (id: RouteId, pattern: string, title: string): AppRoute => ({
  id,
  pattern,
  title,
  access: 'everyone',
  area: 'phone',
});
const team = (id: RouteId, pattern: string, title: string): AppRoute => ({
  id,
  pattern,
  title,
  access: 'oversees',
  area: 'team',
});
const admin = (id: RouteId, pattern: string, title: string, redirect?: string): AppRoute => ({
  id,
  pattern,
  title,
  access: 'admin',
  area: 'admin',
  ...(redirect ? { redirect } : {}),
});

/** Every screen of the signed-in app, by URL. */
export const routeTable: readonly AppRoute[] = [
  phone('keypad', paths.keypad, 'Keypad'),
  phone('contacts', paths.contacts, 'Contacts'),
  phone('contact', '/contacts/:id', 'Contact'),
  phone('calls', paths.calls, 'Calls'),
  phone('voicemail', paths.voicemail, 'Voicemail'),
  phone('unknown-callers', paths.unknownCallers, 'Unknown callers'),
  team('team', paths.team, 'Team'),
  team('team-unknown-callers', paths.teamUnknownCallers, 'All unknown callers'),
  team('who-would-ring', paths.whoWouldRing, 'Who would ring?'),
  admin('admin', paths.admin, 'Admin console', paths.adminSection('numbers')),
  ...adminSections.map((s) => admin(`admin:${s.id}`, paths.adminSection(s.id), s.label)),
  admin('admin-number', '/admin/numbers/:id', 'Number'),
];

export function mayOpen(access: Access, role: Role): boolean {
  if (access === 'everyone') return true;
  if (access === 'oversees') return role === 'supervisor' || role === 'admin';
  return role === 'admin';
}

export type Params = Record<string, string>;

/** The route's params when `path` matches its pattern, else null. */
export function matchPattern(pattern: string, path: string): Params | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null; // a malformed %-escape names no screen
      }
    } else if (w !== g) return null;
  }
  return params;
}

export type Resolved =
  | { kind: 'page'; route: AppRoute; params: Params }
  | { kind: 'redirect'; to: string }
  | { kind: 'not-allowed'; route: AppRoute }
  | { kind: 'not-found' };

/** What `path` shows to someone with `role`: a screen, a redirect, "not allowed" or "not found". */
export function resolveRoute(path: string, role: Role): Resolved {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of routeTable) {
    const params = matchPattern(route.pattern, clean);
    if (!params) continue;
    if (!mayOpen(route.access, role)) return { kind: 'not-allowed', route };
    if (route.redirect) return { kind: 'redirect', to: route.redirect };
    if (clean !== path) return { kind: 'redirect', to: clean };
    return { kind: 'page', route, params };
  }
  return { kind: 'not-found' };
}
