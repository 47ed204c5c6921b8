import type { NotificationView } from '../../common/notifications';

export const kindLabel: Record<NotificationView['kind'], string> = {
  'missed-call': 'Missed call',
  'answered-call': 'Answered call',
  text: 'Text',
};

export const stateLabel: Record<NotificationView['state'], string> = {
  unclaimed: 'Unclaimed',
  claimed: 'Claimed',
  done: 'Done',
};
