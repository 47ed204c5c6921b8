import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useCallback, useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import type { Me } from '../common/auth';
import { Button } from '../components/ui/button';
import { ThemeChoice } from '../components/theme/theme-choice';
import { ToastHost } from '../components/ui/toast-host';
import { clearToasts } from '../components/ui/toast-store';
import { requestLeave } from '../features/admin/settings-form';
import { signOut } from '../features/auth/auth-api';
import { KeyboardShortcuts } from '../features/calls/keyboard/keyboard-shortcuts';
import { DIALER_INPUT_ID } from '../features/calls/keyboard/use-phone-shortcuts';
import { RegistrationBadge } from '../features/calls/registration-badge';
import { PhoneAlerts } from '../features/calls/phone-alerts';
import { usePhoneSession } from '../features/calls/use-phone-session';
import { usePrewarm } from '../features/calls/use-prewarm';
import { FeedBanner } from '../features/presence/feed-banner';
import { PresencePicker } from '../features/presence/presence-picker';
import { useUnknownCallerAlerts } from '../features/unknown-contacts/use-notification-alerts';
import { useVoicemailNotifications } from '../features/voicemail/use-voicemail-notifications';
import { AccountActions } from './account-actions';
import { queryKeys } from './query-keys';
import { AppNav, AreaNav } from './routes/app-nav';
import { pages } from './routes/pages';
import { paths } from './routes/paths';
import { resolveRoute } from './routes/route-table';
import { RouteView } from './routes/route-view';
import { CallDockShell } from './call-dock-shell';
import { ChangePasswordDialog } from './side-panels';
import './routes/shell.css';

/** The page's title and focus follow the screen: a screen reader hears where a link went. */
function useScreenChange(path: string, title: string) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · Switchboard`;
  }, [title]);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [path]);
  return main;
}

/**
 * The signed-in person's app: status bar, navigation, the call dock and the screen the URL names. The shell never
 * unmounts while signed in, so the phone (its session, registration, calls and the ringing card in the dock) lives
 * across every route change. Nothing here follows the calls themselves (the dock and the alerts read them), so a
 * call starting or ending does not render the status bar or the screen again.
 */
export function Workspace({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const hasPhone = me.extension !== null;
  usePhoneSession(hasPhone);
  usePrewarm(me.id, hasPhone);
  const [path, navigate] = useLocation();
  // New voicemail and unknown callers are toasts on every screen, whose "Open" goes to theirs.
  const openVoicemail = useCallback(() => navigate(paths.voicemail), [navigate]);
  const openUnknownCallers = useCallback(() => navigate(paths.unknownCallers), [navigate]);
  useVoicemailNotifications(openVoicemail);
  useUnknownCallerAlerts(me.id, openUnknownCallers);
  // Toasts belong to the signed-in person: none is left over for whoever signs in next.
  useEffect(() => clearToasts, []);
  const resolved = resolveRoute(path, me.role);
  const route = resolved.kind === 'page' ? resolved.route : undefined;
  const area = route?.area ?? 'phone';
  const main = useScreenChange(path, route?.title ?? (resolved.kind === 'not-allowed' ? 'Not allowed' : 'Not found'));
  const out = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      navigate(paths.keypad, { replace: true });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
  const showDialer = useCallback(() => {
    navigate(paths.keypad);
    requestAnimationFrame(() => document.getElementById(DIALER_INPUT_ID)?.focus());
  }, [navigate]);

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
        <AccountActions orgName={me.orgName}>
          {hasPhone && <KeyboardShortcuts showDialer={showDialer} />}
          <ChangePasswordDialog hasPhone={hasPhone} />
          <ThemeChoice />
          <Button onClick={() => requestLeave(() => out.mutate())}>Sign out</Button>
        </AccountActions>
      </header>
      <FeedBanner />
      <AppNav me={me} />
      <AreaNav area={area} />
      <CallDockShell hasPhone={hasPhone} onPhonePane={area === 'phone'} myId={me.id}>
        <main className={`screen screen-${area}`} ref={main} tabIndex={-1}>
          <Fragment key={route?.id ?? resolved.kind}>
            <RouteView path={path} resolved={resolved} pages={pages} me={me} navigate={navigate} />
          </Fragment>
        </main>
      </CallDockShell>
      <PhoneAlerts />
      <ToastHost />
    </div>
  );
}
