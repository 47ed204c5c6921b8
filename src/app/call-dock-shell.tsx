import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { PanelBoundary } from '../components/ui/panel-boundary';
import { CallList } from '../features/calls/call-list';
import { useServices } from './services-context';
import { SaveContactPrompts } from './side-panels';

/**
 * The screen, with the call dock beside it: on the phone's panes always, elsewhere only while there is a call.
 * Whether there is a call is read here, not in the workspace, so a call starting or ending renders the dock and
 * leaves the screen (`children`) and the status bar as they are.
 */
export function CallDockShell(props: { hasPhone: boolean; onPhonePane: boolean; myId: string; children: ReactNode }) {
  const { phone } = useServices();
  const hasCalls = useStore(phone.store, (s) => s.calls.length > 0);
  const dock = props.hasPhone && (props.onPhonePane || hasCalls);
  return (
    <div className={dock ? 'shell with-dock' : 'shell'}>
      {dock && (
        <aside className="call-dock" aria-label="Phone">
          <PanelBoundary name="Calls">
            <CallList />
          </PanelBoundary>
          <PanelBoundary name="Save as contact">
            <SaveContactPrompts myId={props.myId} />
          </PanelBoundary>
        </aside>
      )}
      {props.children}
    </div>
  );
}
