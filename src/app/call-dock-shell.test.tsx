// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { callSnapshot, renderWithServices } from '../../test/support/render-with-services';
import { CallDockShell } from './call-dock-shell';

/** The screen beside the dock, counting its renders. */
let screenRenders = 0;
function Screen() {
  screenRenders++;
  return <main>Contacts</main>;
}

beforeEach(() => {
  screenRenders = 0;
});

test('off the phone panes the dock shows only while there is a call, and the screen is not rendered again', () => {
  const { services } = renderWithServices(
    <CallDockShell hasPhone onPhonePane={false} myId="staff-1">
      <Screen />
    </CallDockShell>,
  );
  const dock = () => screen.queryByRole('complementary', { name: 'Phone' });
  expect(dock()).toBeNull();
  act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing' })));
  expect(dock()).toBeInTheDocument();
  act(() => services.phone.store.getState().dismissCall('call-1'));
  expect(dock()).toBeNull();
  expect(screen.getByText('Contacts')).toBeInTheDocument();
  expect(screenRenders).toBe(1);
});

test('on the phone panes the dock is always there; without a phone it never is', () => {
  const phonePane = renderWithServices(
    <CallDockShell hasPhone onPhonePane myId="staff-1">
      <Screen />
    </CallDockShell>,
  );
  expect(screen.getByRole('complementary', { name: 'Phone' })).toBeInTheDocument();
  phonePane.unmount();
  const { services } = renderWithServices(
    <CallDockShell hasPhone={false} onPhonePane myId="staff-1">
      <Screen />
    </CallDockShell>,
  );
  act(() => services.phone.store.getState().addCall(callSnapshot()));
  expect(screen.queryByRole('complementary', { name: 'Phone' })).toBeNull();
});
