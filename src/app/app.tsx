import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../features/auth/auth-api';
import { FormatsProvider } from '../components/format';
import { SignInScreen } from '../features/auth/sign-in-screen';
import { Workspace } from './workspace';

export function App() {
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
