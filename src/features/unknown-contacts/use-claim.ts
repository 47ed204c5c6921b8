import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError } from '../../common/api-request-error';
import type { NotificationView } from '../../common/notifications';
import { notificationsApi } from './notifications-api';
import { notificationsCache } from './notifications-cache';

/**
 * Claims before acting. The server decides who wins; a lost race says who won ("Carol Agent already
 * claimed this caller.") and the item leaves the list.
 */
export function useClaim() {
  const qc = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState<string>();

  async function claim(
    n: NotificationView,
    action: 'claim' | 'call-back' | 'text-back',
  ): Promise<NotificationView | null> {
    setBusy(n.id);
    setMessage(undefined);
    try {
      const won = await notificationsApi.claim(n.id, action);
      notificationsCache.replace(qc, won);
      return won;
    } catch (err) {
      if (err instanceof ApiRequestError && err.error.code === 'ALREADY_CLAIMED') {
        setMessage(err.error.message);
        notificationsCache.updated(qc);
      } else {
        setMessage(err instanceof Error ? err.message : 'The claim failed.');
      }
      return null;
    } finally {
      setBusy(undefined);
    }
  }
  return { claim, message, setMessage, busy };
}
