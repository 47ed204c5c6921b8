// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BoardActivity, BoardSnapshot } from '../../common/api/board';
import type { Me } from '../../common/auth';
import type { Presence } from '../../common/presence';
import { fakeApi } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { boardActions } from './board-store';
import { SupervisorBoard } from './supervisor-board';

const me: Me = {
  id: 'sup',
  orgId: 'org',
  orgName: 'Acme',
  name: 'Sam',
  email: 's@a.test',
  role: 'supervisor',
  extension: '1009',
  country: 'GB',
};
const T = Date.now();
const p = (staffId: string, name: string, state: Presence['state'], patch: Partial<Presence> = {}): Presence => ({
  staffId,
  name,
  extension: `10${staffId.length}`,
  state,
  since: T,
  ...patch,
});
const none = { answered: 0, missed: 0, talkSeconds: 0 };
const snapshot = (patch: Partial<BoardSnapshot> = {}): BoardSnapshot => ({
  activity: [],
  numbers: [{ id: 'sales', number: '+442079460123', displayName: 'Sales line', staffIds: ['alice'] }],
  roles: { alice: 'agent', bob: 'agent', sup: 'supervisor', admin: 'admin' },
  dayStart: T - 3600_000,
  dayEnd: T + 3600_000,
  ...patch,
});

// jsdom lays nothing out: the board's scroller gets the height a browser would give it.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('board-scroll') ? 480 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});
afterEach(() => vi.unstubAllGlobals());

function renderBoard(snap = snapshot(), routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'GET /api/supervisor/board': () => ({ json: snap }), ...routes });
  vi.stubGlobal('fetch', api.fetch);
  const r = renderWithServices(<SupervisorBoard me={me} />);
  return { ...r, api, board: r.services.board };
}
const bodyRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-staff'));
const names = () => bodyRows().map((r) => within(r).getAllByRole('cell')[0]!.textContent);
const row = (id: string) => within(document.querySelector(`tr[data-staff="${id}"]`) as HTMLElement);
const count = (state: string) => document.querySelector(`[data-count="${state}"] strong`)!.textContent;

test('every agent with their live state from the feed, sorted by name; counts per state move with each change', () => {
  const { board } = renderBoard();
  act(() => boardActions.presenceSnapshot(board, [p('bob', 'Bob', 'offline'), p('alice', 'Alice', 'available')]));
  expect(names()).toEqual(['Alice', 'Bob']);
  expect(count('available')).toBe('1');
  act(() => boardActions.presenceChanged(board, p('bob', 'Bob', 'on-call')));
  expect(row('bob').getByText('On a call')).toBeInTheDocument();
  expect([count('available'), count('on-call'), count('offline')]).toEqual(['1', '1', '0']);
});

test('away reason and health words show on the row', () => {
  const { board } = renderBoard();
  act(() =>
    boardActions.presenceSnapshot(board, [
      p('alice', 'Alice', 'away', { reason: { id: 'r', name: 'Lunch' } }),
      p('bob', 'Bob', 'offline', { issues: ['registration-lost'] }),
    ]),
  );
  expect(row('alice').getByText('Away · Lunch')).toBeInTheDocument();
  expect(row('bob').getByText(/Registration lost at the SIP server/)).toBeInTheDocument();
});

test('filters by state (pressing a count) and by number; sorts by a column', () => {
  const { board } = renderBoard();
  act(() =>
    boardActions.presenceSnapshot(board, [
      p('alice', 'Alice', 'available', { since: T - 1000 }),
      p('bob', 'Bob', 'away', { since: T - 9000 }),
      p('carol', 'Carol', 'available', { since: T - 5000 }),
    ]),
  );
  fireEvent.click(document.querySelector('[data-count="available"]')!);
  expect(names()).toEqual(['Alice', 'Carol']);
  act(() => boardActions.presenceChanged(board, p('bob', 'Bob', 'available', { since: T })));
  expect(names()).toEqual(['Alice', 'Bob', 'Carol']);
  fireEvent.click(screen.getByRole('button', { name: 'All states' }));
  fireEvent.click(screen.getByRole('button', { name: 'For' }));
  expect(names()).toEqual(['Carol', 'Alice', 'Bob']);
  fireEvent.click(screen.getByRole('button', { name: 'Agent' }));
  fireEvent.click(screen.getByRole('button', { name: 'Agent' }));
  expect(names()).toEqual(['Carol', 'Bob', 'Alice']);
});

test('the number filter shows the staff it rings, and the counts are theirs', async () => {
  const { board } = renderBoard();
  act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'available'), p('bob', 'Bob', 'available')]));
  await screen.findByRole('option', { name: 'Sales line' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Number' }), { target: { value: 'sales' } });
  expect(names()).toEqual(['Alice']);
  expect(count('available')).toBe('1');
});

test("the call an agent is on, today's counts and talk time, live from the feed; older activity is ignored", async () => {
  const today = { answered: 2, missed: 1, talkSeconds: 125 };
  const call: BoardActivity['call'] = {
    id: 'c',
    direction: 'inbound',
    status: 'talking',
    party: { number: '+447911123456', name: 'Jane Roe' },
    number: { id: 'sales', number: '+442079460123', displayName: 'Sales line' },
    startedAt: T - 70_000,
    answeredAt: T - 65_000,
  };
  const { board } = renderBoard(snapshot({ activity: [{ staffId: 'alice', rev: 5, call: null, today }] }));
  act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'on-call')]));
  await waitFor(() => expect(row('alice').getByText('2')).toBeInTheDocument());
  expect(row('alice').getByText('1')).toBeInTheDocument();
  expect(row('alice').getByText('2:05')).toBeInTheDocument();
  act(() => boardActions.activity(board, [{ staffId: 'alice', rev: 6, call, today }]));
  // The duration ticks from the table's clock; its exact value depends on when this runs.
  expect(row('alice').getByText(/^In ← Jane Roe · Sales line · \d+:\d\d$/)).toBeInTheDocument();
  act(() => boardActions.activity(board, [{ staffId: 'alice', rev: 4, call: null, today: none }]));
  expect(row('alice').getByText(/Jane Roe/)).toBeInTheDocument();
});

test('a call between extensions shows the other agent, the direction and how long; its talk is not in talk time', async () => {
  const today = { answered: 0, missed: 0, talkSeconds: 60 };
  const call: BoardActivity['call'] = {
    id: 'int',
    direction: 'outbound',
    status: 'talking',
    party: { number: '1002', name: 'Bob', staffId: 'bob' },
    number: null,
    startedAt: T - 70_000,
    answeredAt: T - 65_000,
  };
  const { board } = renderBoard(snapshot({ activity: [{ staffId: 'alice', rev: 5, call, today }] }));
  act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'on-call'), p('bob', 'Bob', 'on-call')]));
  await waitFor(() =>
    expect(row('alice').getByText(/^Out → Bob \(ext\. 1002, internal\) · \d+:\d\d$/)).toBeInTheDocument(),
  );
  expect(row('alice').getByText('1:00')).toBeInTheDocument();
});

test('time in state ticks without any new event', () => {
  vi.useFakeTimers({ now: T, toFake: ['setInterval', 'clearInterval', 'Date'] });
  try {
    const { board } = renderBoard();
    act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'available', { since: T })]));
    expect(row('alice').getByText('0:00')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3000));
    expect(row('alice').getByText('0:03')).toBeInTheDocument();
  } finally {
    vi.useRealTimers();
  }
});

test('5,000 agents: only the rows in view are in the page, and a change far down the list still counts', () => {
  const { board } = renderBoard();
  const many = Array.from({ length: 5000 }, (_, i) =>
    p(`a${String(i).padStart(4, '0')}`, `Agent ${String(i).padStart(4, '0')}`, 'available'),
  );
  act(() => boardActions.presenceSnapshot(board, many));
  expect(bodyRows().length).toBeLessThan(40);
  expect(names()[0]).toBe('Agent 0000');
  expect(document.querySelector('table')!.getAttribute('aria-rowcount')).toBe('5001');
  act(() => boardActions.presenceChanged(board, p('a4999', 'Agent 4999', 'dnd')));
  expect([count('available'), count('dnd')]).toEqual(['4999', '1']);
});

test('a supervisor may set an agent away and sign them out (after confirming); not another supervisor or an admin', async () => {
  const { board, api } = renderBoard(snapshot(), {
    'POST /api/supervisor/agents/alice/presence': () => ({ json: p('alice', 'Alice', 'away') }),
    'POST /api/supervisor/agents/alice/sign-out': () => ({ status: 204 }),
  });
  act(() =>
    boardActions.presenceSnapshot(board, [
      p('alice', 'Alice', 'available'),
      p('sup', 'Sam', 'available'),
      p('admin', 'Ada', 'available'),
    ]),
  );
  await waitFor(() => expect(row('alice').getByRole('button', { name: 'Set away' })).toBeInTheDocument());
  expect(row('sup').queryByRole('button', { name: 'Set away' })).toBeNull();
  expect(row('admin').queryByRole('button', { name: 'Sign out' })).toBeNull();
  fireEvent.click(row('alice').getByRole('button', { name: 'Set away' }));
  await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/alice/presence'))).toBe(true));
  expect(api.calls.find((c) => c.path.endsWith('/alice/presence'))!.body).toEqual({ state: 'away' });
  fireEvent.click(row('alice').getByRole('button', { name: 'Sign out' }));
  expect(api.calls.some((c) => c.path.endsWith('/sign-out'))).toBe(false);
  fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
  await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/alice/sign-out'))).toBe(true));
});

test("an agent's day as a timeline: each stretch with its time, reason and who set it", async () => {
  const H = 3600_000;
  const dayStart = Date.UTC(2026, 11, 3);
  const { board } = renderBoard(snapshot(), {
    'GET /api/supervisor/agents/alice/timeline': () => ({
      json: {
        staffId: 'alice',
        name: 'Alice',
        day: '2026-12-03',
        timeZone: 'Europe/London',
        dayStart,
        dayEnd: dayStart + 24 * H,
        entries: [
          {
            state: 'available',
            fromState: 'offline',
            reason: null,
            from: dayStart + 9 * H,
            to: dayStart + 12 * H,
            setBy: null,
          },
          {
            state: 'away',
            fromState: 'available',
            reason: 'Lunch',
            from: dayStart + 12 * H,
            to: dayStart + 13 * H,
            setBy: { id: 'sup', name: 'Sam' },
          },
          {
            state: 'offline',
            fromState: 'away',
            reason: null,
            from: dayStart + 13 * H,
            to: dayStart + 24 * H,
            setBy: null,
          },
        ],
      },
    }),
  });
  act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'available')]));
  fireEvent.click(row('alice').getByRole('button', { name: 'Alice' }));
  const day = within(await screen.findByRole('region', { name: "Agent's day" }));
  const items = await day.findAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual([
    '00:00 – 09:00 Offline 9:00:00',
    '09:00 – 12:00 Available 3:00:00',
    '12:00 – 13:00 Away · Lunch 1:00:00 · set by Sam',
    '13:00 – 00:00 Offline 11:00:00',
  ]);
  expect(day.getByRole('img', { name: 'States through the day' }).children).toHaveLength(4);
});

test.each([
  ['no-microphone', 'No microphone'],
  ['microphone-denied', 'Microphone blocked'],
  ['sound-blocked', 'Sound blocked by the browser'],
  ['heartbeat-late', 'Tab asleep or too slow'],
] as const)('a phone with %s shows "%s" beside the state', (issue, words) => {
  const { board } = renderBoard();
  act(() => boardActions.presenceSnapshot(board, [p('alice', 'Alice', 'offline', { issues: [issue] })]));
  expect(row('alice').getByText('Offline')).toBeInTheDocument();
  expect(row('alice').getByText(new RegExp(words))).toHaveAttribute('data-issue', issue);
});
