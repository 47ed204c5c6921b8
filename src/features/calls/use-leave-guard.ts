import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';

/** Leaving or reloading the page during a call asks for confirmation first. */
export function useLeaveGuard(): void {
  const { phone } = useServices();
  const inCall = useStore(phone.store, (s) => s.calls.some((c) => c.status !== 'ended'));
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
