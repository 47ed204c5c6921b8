import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { Me } from '../common/auth';
import { Button } from '../components/ui/button';
import { PanelBoundary } from '../components/ui/panel-boundary';
import { requestLeave } from '../features/admin/settings-form';
import { signOut } from '../features/auth/auth-api';
import { CallList } from '../features/calls/call-list';
import { Dialer } from '../features/calls/dialer';
import { KeyboardShortcuts } from '../features/calls/keyboard/keyboard-shortcuts';
import { RegistrationBadge } from '../features/calls/registration-badge';
import { useDesktopNotifications } from '../features/calls/use-desktop-notifications';
import { useLeaveGuard } from '../features/calls/use-leave-guard';
import { usePhoneSession } from '../features/calls/use-phone-session';
import { useRingtone } from '../features/calls/use-ringtone';
import { PresencePicker } from '../features/presence/presence-picker';
import { useVoicemailNotifications } from '../features/voicemail/use-voicemail-notifications';
import { queryKeys } from './query-keys';
import {
  AllNotificationsPanel,
  CallHistory,
  ChangePasswordDialog,
  ContactPage,
  ContactsPanel,
  DeviceSettings,
  FollowUpsPanel,
  InboxPanel,
  MyBindings,
  SaveContactPrompts,
  UnknownCallersPanel,
} from './side-panels';

// Loaded on first use, after the phone: what only admins and supervisors see.
const AdminConsole = lazy(() => import('../features/admin/admin-console').then((m) => ({ default: m.AdminConsole })));
const SupervisorBoard = lazy(() =>
  import('../features/supervisor/supervisor-board').then((m) => ({ default: m.SupervisorBoard })),
);
const WhoWouldRingPanel = lazy(() =>
  import('../features/admin/numbers/who-would-ring-panel').then((m) => ({ default: m.WhoWouldRingPanel })),
);
const loading = (
  <p className="muted" role="status">
    Loading…
  </p>
);

/** The signed-in agent's screen: status bar, phone, and (for supervisors and admins) the team board. */
export function Workspace({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const hasPhone = me.extension !== null;
  usePhoneSession(hasPhone);
  useLeaveGuard();
  useRingtone();
  useDesktopNotifications();
  useVoicemailNotifications();
  const oversees = me.role === 'supervisor' || me.role === 'admin';
  const [view, setView] = useState<'phone' | 'admin'>('phone');
  const [contactId, setContactId] = useState<string>();
  const [focusId, setFocusId] = useState<string>();
  const out = useMutation({ mutationFn: signOut, onSuccess: () => queryClient.setQueryData(queryKeys.me, null) });

  return (
    <div className="workspace">
      <header className="topbar">
        <div className="who">
          <strong>{me.name}</strong>
          {me.extension && <span> · ext. {me.extension}</span>}
          <span className="org"> · {me.orgName}</span>
        </div>
        <RegistrationBadge />
        <PresencePicker staffId={me.id} />
        {me.role === 'admin' && (
          <Button
            aria-pressed={view === 'admin'}
            onClick={() => requestLeave(() => setView(view === 'admin' ? 'phone' : 'admin'))}
          >
            Admin console
          </Button>
        )}
        <ChangePasswordDialog hasPhone={hasPhone} />
        <Button onClick={() => requestLeave(() => out.mutate())}>Sign out</Button>
      </header>
      {view === 'admin' && (
        <Suspense fallback={loading}>
          <AdminConsole />
        </Suspense>
      )}
      <main className="columns" hidden={view === 'admin'}>
        <div className="column">
          <PanelBoundary name="Calls">
            <CallList />
          </PanelBoundary>
          <PanelBoundary name="Save as contact">
            <SaveContactPrompts myId={me.id} />
          </PanelBoundary>
          {hasPhone && (
            <PanelBoundary name="Dialer">
              <Dialer />
              <KeyboardShortcuts />
            </PanelBoundary>
          )}
          {hasPhone && (
            <PanelBoundary name="Contacts">
              <ContactsPanel />
            </PanelBoundary>
          )}
          <PanelBoundary name="Audio devices">
            <DeviceSettings />
          </PanelBoundary>
        </div>
        <div className="column">
          <PanelBoundary name="Missed unknown callers">
            <UnknownCallersPanel meId={me.id} onClaimed={(n, then) => setFocusId(then === 'text' ? n.id : undefined)} />
          </PanelBoundary>
          <PanelBoundary name="My follow-ups">
            <FollowUpsPanel meId={me.id} focusId={focusId} onOpenContact={setContactId} />
          </PanelBoundary>
          {contactId && (
            <PanelBoundary name="Contact">
              <ContactPage id={contactId} onBack={() => setContactId(undefined)} />
            </PanelBoundary>
          )}
        </div>
        <div className="column">
          {oversees && (
            <PanelBoundary name="All unknown callers">
              <AllNotificationsPanel />
            </PanelBoundary>
          )}
          {oversees && (
            <PanelBoundary name="Who would ring?">
              <Suspense fallback={loading}>
                <WhoWouldRingPanel />
              </Suspense>
            </PanelBoundary>
          )}
          <PanelBoundary name="My customers">
            <MyBindings />
          </PanelBoundary>
          <PanelBoundary name="Voicemail">
            <InboxPanel />
          </PanelBoundary>
          <PanelBoundary name="Call history">
            <CallHistory everyone={oversees} meId={me.id} />
          </PanelBoundary>
        </div>
      </main>
      {oversees && (
        <div className="board-wide" hidden={view === 'admin'}>
          <PanelBoundary name="Team presence">
            <Suspense fallback={loading}>
              <SupervisorBoard me={me} />
            </Suspense>
          </PanelBoundary>
        </div>
      )}
    </div>
  );
}
