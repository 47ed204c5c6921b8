// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router, useLocation } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Me, Role } from '../../common/auth';
import { fakeApi } from '../../../test/support/fake-api';
import { AppNav } from './app-nav';
import { resolveRoute } from './route-table';
import { RouteView, type Pages } from './route-view';

const person = (role: Role): Me => ({
  id: 's-1',
  orgId: 'o-1',
  orgName: 'Acme',
  name: 'Pat',
  email: 'pat@acme.test',
  role,
  extension: '1001',
  country: 'GB',
});

// Each screen stands in as its name and params: these tests are about which screen a path shows.
const pages = new Proxy({} as Pages, {
  get: (_t, id: string) => (p: { params: Record<string, string> }) => (
    <p data-testid="page">
      {id} {JSON.stringify(p.params)}
    </p>
  ),
});

function Screen({ me }: { me: Me }) {
  const [path, navigate] = useLocation();
  return (
    <>
      <AppNav me={me} />
      <RouteView path={path} resolved={resolveRoute(path, me.role)} pages={pages} me={me} navigate={navigate} />
    </>
  );
}

function renderAt(path: string, role: Role) {
  const memory = memoryLocation({ path, record: true });
  // The navigation's counts read the voicemail and unknown callers lists: empty here.
  vi.stubGlobal(
    'fetch',
    fakeApi({ 'GET /api/voicemail': () => ({ json: [] }), 'GET /api/notifications': () => ({ json: [] }) }).fetch,
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Router hook={memory.hook}>
        <Screen me={person(role)} />
      </Router>
    </QueryClientProvider>,
  );
  return memory;
}

afterEach(() => vi.unstubAllGlobals());

test("a number's page by its URL opens for an admin", () => {
  renderAt('/admin/numbers/num-sales', 'admin');
  expect(screen.getByTestId('page')).toHaveTextContent('admin-number {"id":"num-sales"}');
});

test('an agent on an admin link is told it is not allowed, with a way home that works', async () => {
  const memory = renderAt('/admin/numbers/num-sales', 'agent');
  expect(screen.getByRole('heading', { name: 'You can’t open this page' })).toBeInTheDocument();
  expect(screen.getByText('Number is for admins only. Ask an admin if you need it.')).toBeInTheDocument();
  expect(screen.queryByTestId('page')).toBeNull();
  await userEvent.click(screen.getByRole('link', { name: 'Go to your phone' }));
  expect(memory.history!.at(-1)).toBe('/');
  expect(screen.getByTestId('page')).toHaveTextContent('keypad {}');
});

test('a supervisor may see the board but not the admin console', () => {
  renderAt('/team', 'supervisor');
  expect(screen.getByTestId('page')).toHaveTextContent('team {}');
  expect(screen.queryByRole('link', { name: 'Admin console' })).toBeNull();
  expect(screen.getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown path shows not found, naming it, with a link home', () => {
  renderAt('/admin/nope', 'admin');
  expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  expect(screen.getByText('/admin/nope')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to your phone' })).toHaveAttribute('href', '/');
});

test('/admin opens the first section in place of itself (Back does not return to the redirect)', () => {
  const memory = renderAt('/admin', 'admin');
  expect(screen.getByTestId('page')).toHaveTextContent('admin:numbers {}');
  expect(memory.history).toEqual(['/admin/numbers']);
});

test("an agent's navigation lists the phone's panes only; the current one is marked", async () => {
  renderAt('/calls', 'agent');
  const links = screen.getAllByRole('link').map((a) => a.textContent);
  expect(links).toEqual(['Keypad', 'Contacts', 'Calls', 'Voicemail', 'Unknown callers']);
  expect(screen.getByRole('link', { name: 'Calls' })).toHaveAttribute('aria-current', 'page');
  await userEvent.click(screen.getByRole('link', { name: 'Voicemail' }));
  expect(screen.getByTestId('page')).toHaveTextContent('voicemail {}');
  expect(screen.getByRole('link', { name: 'Calls' })).not.toHaveAttribute('aria-current');
});
