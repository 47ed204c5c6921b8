import { useQuery } from '@tanstack/react-query';
import { Router } from 'wouter';
import { meQuery } from '../features/auth/auth-api';
import { FormatsProvider } from '../components/format';
import { requestLeave } from '../features/admin/settings-form';
import { SignInScreen } from '../features/auth/sign-in-screen';
import { createGuardedLocation, type GuardedLocation } from './routes/guarded-location';
import { Workspace } from './workspace';

let browserLocation: GuardedLocation | undefined;
/** The page's one location (the address bar), guarded by the settings forms' unsaved-changes question. */
const guardedBrowserLocation = () => (browserLocation ??= createGuardedLocation(window, requestLeave));

/**
 * The URL names the screen before and after sign-in: a deep link opened signed out shows the sign-in screen, then
 * that screen.
 */
export function App({ location = guardedBrowserLocation() }: { location?: GuardedLocation }) {
  return (
    <Router hook={location.hook}>
      <SignedInApp />
    </Router>
  );
}

function SignedInApp() {
  const me = useQuery(meQuery);
  if (me.isPending) return <p className="splash">Loading Switchboard…</p>;
  if (me.isError)
    return (
      <p role="alert" className="splash error">
        {me.error.message}
      </p>
    );
  if (!me.data) return <SignInScreen />;
  return (
    <FormatsProvider country={me.data.country}>
      <Workspace me={me.data} />
    </FormatsProvider>
  );
}
