import { useDesktopNotifications } from './use-desktop-notifications';
import { useLeaveGuard } from './use-leave-guard';
import { useRingtone } from './use-ringtone';

/**
 * The page-wide answers to the calls: the ringtone, the desktop notification of a ringing call and the question
 * before the page is left during one. It renders nothing, and is a component of its own so that a call starting,
 * ringing or ending renders it alone, not the workspace around it.
 */
export function PhoneAlerts(): null {
  useRingtone();
  useDesktopNotifications();
  useLeaveGuard();
  return null;
}
