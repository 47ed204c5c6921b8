import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { watchPrewarm } from './prewarm-gate';

/** While the agent with a phone is signed in: the phone pre-warms whenever they are taking calls. */
export function usePrewarm(staffId: string, enabled: boolean): void {
  const { phone, presence } = useServices();
  useEffect(
    () => (enabled ? watchPrewarm({ presence, staffId, phone }) : undefined),
    [enabled, staffId, phone, presence],
  );
}
