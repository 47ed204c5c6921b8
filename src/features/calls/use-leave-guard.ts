import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectOwnsPhone } from '../../app/tab-phone';

/**
 * Leaving or reloading the page during a call asks for confirmation first: in the tab that owns the phone, whose
 * closing ends the call. Another tab of the agent closes without a question (the call goes on in the owner).
 */
export function useLeaveGuard(): void {
  const { phone } = useServices();
  const owns = useStore(phone.tab, selectOwnsPhone);
  const inCall = useStore(phone.store, (s) => s.calls.some((c) => c.status !== 'ended')) && owns;
  useEffect(() => {
    if (!inCall) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [inCall]);
}
