import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectOwnsPhone } from '../../app/tab-phone';
import { ringerDevice } from './ringer-device';
import { createRingtone } from './ringtone';

/**
 * Rings while any inbound call is ringing, on the ringing device the agent chose (else on the call audio's speaker).
 * Only in the tab that owns the phone: the agent's other tabs show the call silently. A quieter ring would be
 * nicer during call waiting; same for now.
 */
export function useRingtone(): void {
  const { phone } = useServices();
  const owns = useStore(phone.tab, selectOwnsPhone);
  const anyRinging = useStore(phone.store, (s) =>
    s.calls.some((c) => c.direction === 'inbound' && c.status === 'ringing'),
  );
  const ringing = owns && anyRinging;
  const ringtone = useMemo(
    () => createRingtone({ sinkId: () => ringerDevice() || phone.store.getState().devices.outputId || '' }),
    [phone],
  );
  useEffect(() => {
    if (ringing) ringtone.start();
    else ringtone.stop();
    return () => ringtone.stop();
  }, [ringing, ringtone]);
}
