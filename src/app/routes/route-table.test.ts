import type { Role } from '../../common/auth';
import { adminSections, paths } from './paths';
import { matchPattern, resolveRoute, routeTable } from './route-table';

const shown = (path: string, role: Role) => {
  const r = resolveRoute(path, role);
  if (r.kind === 'page') return `${r.route.id} ${JSON.stringify(r.params)}`;
  if (r.kind === 'redirect') return `→ ${r.to}`;
  return r.kind;
};

test.each<[string, Role, string]>([
  ['/', 'agent', 'keypad {}'],
  ['/contacts', 'agent', 'contacts {}'],
  ['/contacts/c-42', 'agent', 'contact {"id":"c-42"}'],
  ['/contacts/a%20b', 'agent', 'contact {"id":"a b"}'],
  ['/calls', 'agent', 'calls {}'],
  ['/voicemail', 'agent', 'voicemail {}'],
  ['/unknown-callers', 'agent', 'unknown-callers {}'],
  ['/calls/', 'agent', '→ /calls'],
  // The team board: supervisors and admins.
  ['/team', 'agent', 'not-allowed'],
  ['/team', 'supervisor', 'team {}'],
  ['/team', 'admin', 'team {}'],
  ['/team/who-would-ring', 'agent', 'not-allowed'],
  ['/team/who-would-ring', 'supervisor', 'who-would-ring {}'],
  ['/team/unknown-callers', 'supervisor', 'team-unknown-callers {}'],
  // The admin console: admins only, a supervisor included.
  ['/admin', 'admin', '→ /admin/numbers'],
  ['/admin', 'supervisor', 'not-allowed'],
  ['/admin/numbers', 'admin', 'admin:numbers {}'],
  ['/admin/numbers/num-sales', 'admin', 'admin-number {"id":"num-sales"}'],
  ['/admin/numbers/num-sales', 'agent', 'not-allowed'],
  ['/admin/numbers/num-sales', 'supervisor', 'not-allowed'],
  ['/admin/staff', 'admin', 'admin:staff {}'],
  ['/admin/staff', 'agent', 'not-allowed'],
  // Anything else is not found, whoever asks: also under a known area, and a malformed escape.
  ['/nope', 'admin', 'not-found'],
  ['/admin/nope', 'admin', 'not-found'],
  ['/admin/numbers/num-sales/more', 'admin', 'not-found'],
  ['/team/nope', 'agent', 'not-found'],
  ['/contacts/%E0%A4%A', 'agent', 'not-found'],
  ['/contacts/', 'agent', '→ /contacts'],
])('%s as %s: %s', (path, role, expected) => {
  expect(shown(path, role)).toBe(expected);
});

test('every admin section and every path builder names a screen of the table', () => {
  for (const s of adminSections) expect(resolveRoute(paths.adminSection(s.id), 'admin').kind).toBe('page');
  const built = [paths.contact('x/y'), paths.adminNumber('num 1'), paths.whoWouldRing, paths.teamUnknownCallers];
  for (const p of built) expect(resolveRoute(p, 'admin').kind).toBe('page');
  expect(resolveRoute(paths.contact('x/y'), 'agent')).toMatchObject({ params: { id: 'x/y' } });
});

test('no two routes share a pattern, and a parameter matches one non-empty segment', () => {
  const patterns = routeTable.map((r) => r.pattern);
  expect(new Set(patterns).size).toBe(patterns.length);
  expect(matchPattern('/contacts/:id', '/contacts/')).toBeNull();
  expect(matchPattern('/contacts/:id', '/contacts/a/b')).toBeNull();
  expect(matchPattern('/contacts/:id', '/contacts/a')).toEqual({ id: 'a' });
});
