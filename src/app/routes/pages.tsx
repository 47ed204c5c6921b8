import { lazy, Suspense, useState, type ReactNode } from 'react';
import { PanelBoundary } from '../../components/ui/panel-boundary';
import type { AdminConsoleSection } from '../../features/admin/admin-console';
import { Dialer } from '../../features/calls/dialer';
import type { Me } from '../../common/auth';
import {
  AllNotificationsPanel,
  CallHistory,
  ContactPage,
  ContactsPanel,
  DeviceSettings,
  FollowUpsPanel,
  InboxPanel,
  MyBindings,
  UnknownCallersPanel,
} from '../side-panels';
import { paths } from './paths';
import type { PageProps, Pages } from './route-view';

// Loaded on first use, after the phone: what only admins and supervisors see.
const AdminConsole = lazy(() =>
  import('../../features/admin/admin-console').then((m) => ({ default: m.AdminConsole })),
);
const SupervisorBoard = lazy(() =>
  import('../../features/supervisor/supervisor-board').then((m) => ({ default: m.SupervisorBoard })),
);
const WhoWouldRingPanel = lazy(() =>
  import('../../features/admin/numbers/who-would-ring-panel').then((m) => ({ default: m.WhoWouldRingPanel })),
);

const loading = (
  <p className="muted" role="status">
    Loading…
  </p>
);
const panel = (name: string, content: ReactNode) => (
  <PanelBoundary name={name}>
    <Suspense fallback={loading}>{content}</Suspense>
  </PanelBoundary>
);
const oversees = (me: Me) => me.role === 'supervisor' || me.role === 'admin';

function NoPhone() {
  return (
    <p className="panel muted">This account has no extension: it places and takes no calls. Ask an admin for one.</p>
  );
}

function UnknownCallersPage({ me, navigate }: PageProps) {
  const [focusId, setFocusId] = useState<string>();
  return (
    <>
      {panel(
        'Missed unknown callers',
        <UnknownCallersPanel meId={me.id} onClaimed={(n, then) => setFocusId(then === 'text' ? n.id : undefined)} />,
      )}
      {panel(
        'My follow-ups',
        <FollowUpsPanel meId={me.id} focusId={focusId} onOpenContact={(id) => navigate(paths.contact(id))} />,
      )}
    </>
  );
}

const admin = (section: AdminConsoleSection) => (p: PageProps) =>
  panel(
    'Admin console',
    <AdminConsole
      section={section}
      numberId={p.params.id}
      onOpenNumber={(id) => p.navigate(paths.adminNumber(id))}
      onAllNumbers={() => p.navigate(paths.adminSection('numbers'))}
    />,
  );

/** What each route renders inside the shell (the call dock and navigation are the shell's, on every route). */
export const pages: Pages = {
  keypad: ({ me }) =>
    me.extension === null ? (
      <NoPhone />
    ) : (
      <>
        {panel('Dialer', <Dialer />)}
        {panel('Audio devices', <DeviceSettings />)}
      </>
    ),
  contacts: ({ me, navigate }) => (
    <>
      {me.extension !== null && panel('Contacts', <ContactsPanel onOpen={(id) => navigate(paths.contact(id))} />)}
      {panel('My customers', <MyBindings />)}
    </>
  ),
  contact: ({ params, navigate }) =>
    panel('Contact', <ContactPage id={params.id!} onBack={() => navigate(paths.contacts)} />),
  calls: ({ me }) => panel('Call history', <CallHistory everyone={oversees(me)} meId={me.id} />),
  voicemail: () => panel('Voicemail', <InboxPanel />),
  'unknown-callers': (p) => <UnknownCallersPage {...p} />,
  team: ({ me }) => panel('Team presence', <SupervisorBoard me={me} />),
  'team-unknown-callers': () => panel('All unknown callers', <AllNotificationsPanel />),
  'who-would-ring': () => panel('Who would ring?', <WhoWouldRingPanel />),
  'admin:numbers': admin('numbers'),
  'admin:company': admin('company'),
  'admin:main': admin('main'),
  'admin:greetings': admin('greetings'),
  'admin:staff': admin('staff'),
  'admin:presence': admin('presence'),
  'admin:contacts': admin('contacts'),
  'admin-number': admin('numbers'),
};
