// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { renderWithServices } from '../../../test/support/render-with-services';
import { FeedBanner } from './feed-banner';
import { presenceActions } from './presence-store';

test('while the live feed is down a banner says so in words, and it goes when the feed is back', () => {
  const { services } = renderWithServices(<FeedBanner />);
  expect(screen.queryByText('Live updates lost.')).not.toBeInTheDocument();
  act(() =>
    presenceActions.setFeed(services.presence, {
      status: 'disconnected',
      reason: 'Connection to the Switchboard server lost, reconnecting…',
    }),
  );
  const banner = screen.getByText('Live updates lost.').parentElement!;
  expect(banner).toHaveTextContent(
    'Offline Live updates lost. Connection to the Switchboard server lost, reconnecting… Until it is back, counts and lists may be out of date.',
  );
  act(() => presenceActions.setFeed(services.presence, { status: 'connected' }));
  expect(screen.queryByText('Live updates lost.')).not.toBeInTheDocument();
});

test('signing out is not a lost feed: no banner', () => {
  const { services } = renderWithServices(<FeedBanner />);
  act(() => presenceActions.setFeed(services.presence, { status: 'stopped' }));
  expect(screen.queryByText('Live updates lost.')).not.toBeInTheDocument();
});
