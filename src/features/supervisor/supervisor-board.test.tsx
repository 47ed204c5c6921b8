// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { renderWithServices } from '../../../test/support/render-with-services';
import { presenceActions } from '../presence/presence-store';
import { SupervisorBoard } from './supervisor-board';

test('shows every agent with their live state, updating as presence changes', () => {
  const { services } = renderWithServices(<SupervisorBoard />);
  act(() =>
    presenceActions.replaceAll(services.presence, [
      { staffId: 'b', name: 'Bob', extension: '1002', state: 'offline', since: Date.now() },
      { staffId: 'a', name: 'Alice', extension: '1001', state: 'available', since: Date.now() },
    ]),
  );
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Alice', 'Bob']);
  expect(within(rows[1]!).getByText('Offline')).toBeInTheDocument();
  act(() => presenceActions.upsert(services.presence, { staffId: 'b', name: 'Bob', extension: '1002', state: 'on-call', since: Date.now() }));
  expect(within(screen.getAllByRole('row')[2]!).getByText('On a call')).toBeInTheDocument();
});

test('an agent away for a reason shows it', () => {
  const { services } = renderWithServices(<SupervisorBoard />);
  act(() => presenceActions.replaceAll(services.presence, [{ staffId: 'a', name: 'Alice', extension: '1001', state: 'away', since: Date.now(), reason: { id: 'r', name: 'Lunch' } }]));
  expect(within(screen.getAllByRole('row')[1]!).getByText('Away · Lunch')).toBeInTheDocument();
});

test('an agent who cannot take calls shows why', () => {
  const { services } = renderWithServices(<SupervisorBoard />);
  act(() => presenceActions.replaceAll(services.presence, [{ staffId: 'a', name: 'Alice', extension: '1001', state: 'offline', since: Date.now(), issues: ['registration-lost'] }]));
  expect(within(screen.getAllByRole('row')[1]!).getByText(/Registration lost at the SIP server/)).toBeInTheDocument();
});
