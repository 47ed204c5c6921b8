// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/support/fake-api';
import { fakeServices, renderWithServices } from '../../../test/support/render-with-services';
import { healthWords } from '../../common/presence-health';
import { createPhoneHealth } from './phone-health';
import { presenceActions } from './presence-store';
import { PresencePicker } from './presence-picker';

const settings = {
  wrapUpSeconds: 30,
  awayReasons: [
    { id: 'r-lunch', name: 'Lunch' },
    { id: 'r-train', name: 'Training' },
  ],
  updatedAt: null,
  updatedBy: null,
};
beforeEach(() =>
  vi.stubGlobal('fetch', fakeApi({ 'GET /api/org/presence-settings': () => ({ json: settings }) }).fetch),
);
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const me = { staffId: 'me', name: 'Me', extension: '1001' };

test('in wrap-up: the time left ticks down, and Ready chooses Available', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const start = Date.now();
  const { services } = renderWithServices(<PresencePicker staffId="me" />);
  act(() =>
    presenceActions.upsert(services.presence, { ...me, state: 'wrap-up', since: start, wrapUpUntil: start + 30_000 }),
  );
  expect(screen.getByText('Wrap-up')).toBeInTheDocument();
  expect(screen.getByLabelText('Wrap-up time left')).toHaveTextContent('0:30');
  act(() => void vi.advanceTimersByTime(12_000));
  expect(screen.getByLabelText('Wrap-up time left')).toHaveTextContent('0:18');
  await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Ready' }));
  expect(services.feed.setPresence).toHaveBeenCalledWith('available', undefined);
});

test("away: picks one of the organisation's reasons, and shows the one chosen", async () => {
  const { services } = renderWithServices(<PresencePicker staffId="me" />);
  act(() => presenceActions.upsert(services.presence, { ...me, state: 'away', since: Date.now() }));
  const select = await screen.findByRole('combobox', { name: 'Away reason' });
  await userEvent.selectOptions(select, 'Training');
  expect(services.feed.setPresence).toHaveBeenCalledWith('away', 'r-train');
  act(() =>
    presenceActions.upsert(services.presence, {
      ...me,
      state: 'away',
      since: Date.now(),
      reason: { id: 'r-train', name: 'Training' },
    }),
  );
  expect(screen.getByText('Away · Training')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Ready' })).toBeNull();
});

test('a refusal from the companion is shown in words', async () => {
  const { services } = renderWithServices(<PresencePicker staffId="me" />);
  vi.mocked(services.feed.setPresence).mockResolvedValueOnce({
    ok: false,
    error: { code: 'NOT_FOUND', message: 'No such away reason in your organisation.', path: ['reasonId'] },
  });
  act(() => presenceActions.upsert(services.presence, { ...me, state: 'away', since: Date.now() }));
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Away reason' }), 'Lunch');
  expect(await screen.findByRole('alert')).toHaveTextContent('No such away reason in your organisation.');
});

test('a phone the SIP server does not hold tells the agent what is wrong and the fix', () => {
  const { services } = renderWithServices(<PresencePicker staffId="me" />);
  act(() =>
    presenceActions.upsert(services.presence, {
      ...me,
      state: 'offline',
      since: Date.now(),
      issues: ['registration-lost'],
    }),
  );
  expect(screen.getByRole('status')).toHaveTextContent('The SIP server has no registration for your phone');
  expect(screen.getByRole('status')).toHaveTextContent('Reload the page to register again.');
  act(() => presenceActions.upsert(services.presence, { ...me, state: 'available', since: Date.now(), issues: [] }));
  expect(screen.queryByRole('status')).toBeNull();
});

test.each(['no-microphone', 'microphone-denied', 'sound-blocked', 'heartbeat-late'] as const)(
  'a phone with %s tells the agent the problem and the fix',
  (issue) => {
    const { services } = renderWithServices(<PresencePicker staffId="me" />);
    act(() =>
      presenceActions.upsert(services.presence, { ...me, state: 'offline', since: Date.now(), issues: [issue] }),
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(healthWords[issue].problem);
    expect(status).toHaveTextContent(healthWords[issue].fix);
    expect(status).toHaveAttribute('data-issue', issue);
  },
);

describe('Click to enable sound', () => {
  function blockedPage() {
    const page = { autoplay: false, resumed: 0 };
    const health = createPhoneHealth({
      playSilence: async () => {
        if (!page.autoplay) throw Object.assign(new Error('autoplay'), { name: 'NotAllowedError' });
      },
      resumeCalls: () => void page.resumed++,
    });
    const services = { ...fakeServices(), health };
    renderWithServices(<PresencePicker staffId="me" />, services);
    return { page, health };
  }

  test('shown while the browser blocks sound; the click that it honours enables it, and the button goes', async () => {
    const { page, health } = blockedPage();
    expect(screen.queryByRole('button', { name: 'Click to enable sound' })).toBeNull();
    await act(() => health.start());
    const button = screen.getByRole('button', { name: 'Click to enable sound' });
    page.autoplay = true;
    await userEvent.click(button);
    expect(screen.queryByRole('button', { name: 'Click to enable sound' })).toBeNull();
    expect(health.problems()).toEqual(['no-microphone']);
    expect(page.resumed).toBeGreaterThan(0);
  });

  test('a click the browser still refuses keeps the button and says so', async () => {
    const { health } = blockedPage();
    await act(() => health.start());
    await userEvent.click(screen.getByRole('button', { name: 'Click to enable sound' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The browser still blocks sound');
    expect(screen.getByRole('button', { name: 'Click to enable sound' })).toBeInTheDocument();
    expect(health.problems()).toContain('sound-blocked');
  });
});
