import { lazy, Suspense, type ReactNode } from 'react';
import type * as PanelModules from './side-panel-modules';
import { Button } from '../components/ui/button';

/**
 * The workspace's panels that taking or making a call does not need, in one chunk of their own. The workspace
 * shows them at once, so the chunk is fetched right after its first render, while the phone registers; each
 * panel shows "Loading…" until then. The call list, dialer, registration badge and presence picker are in the
 * first load.
 */
type Panels = typeof PanelModules;
const loadPanels = () => import('./side-panel-modules');

const loading = (
  <p className="muted" role="status">
    Loading…
  </p>
);

function lazyPanel<P extends object>(pick: (panels: Panels) => (props: P) => ReactNode, fallback = loading) {
  const Panel = lazy(async () => ({ default: pick(await loadPanels()) }));
  return function Loaded(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Panel {...props} />
      </Suspense>
    );
  };
}

export const CallHistory = lazyPanel((m) => m.CallHistory);
export const DeviceSettings = lazyPanel((m) => m.DeviceSettings);
export const ContactsPanel = lazyPanel((m) => m.ContactsPanel);
export const ContactPage = lazyPanel((m) => m.ContactPage);
export const MyBindings = lazyPanel((m) => m.MyBindings);
export const SaveContactPrompts = lazyPanel((m) => m.SaveContactPrompts);
export const InboxPanel = lazyPanel((m) => m.InboxPanel);
export const UnknownCallersPanel = lazyPanel((m) => m.UnknownCallersPanel);
export const FollowUpsPanel = lazyPanel((m) => m.FollowUpsPanel);
export const AllNotificationsPanel = lazyPanel((m) => m.AllNotificationsPanel);
// Its button is there at once; it works when the dialog has arrived.
export const ChangePasswordDialog = lazyPanel((m) => m.ChangePasswordDialog, <Button disabled>Change password</Button>);
