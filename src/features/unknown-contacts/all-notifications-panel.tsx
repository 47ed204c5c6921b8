import type { NotificationView } from '../../common/notifications';
import { DateTime, PhoneNumber } from '../../components/format';
import { kindLabel, stateLabel } from './format';
import { TableScroll } from '../../components/ui/table-scroll';
import { useNotifications } from './notifications-query';

/** Supervisors and admins: every unknown caller of the organisation with its state and who claimed it. */
export function AllNotificationsPanel() {
  const { data, error } = useNotifications();
  return (
    <section className="panel all-notifications" aria-labelledby="all-notifications-title">
      <h2 id="all-notifications-title">All unknown callers</h2>
      {error && <p role="alert">Could not load them: {error.message}</p>}
      <TableScroll label="All unknown callers table">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Caller</th>
              <th>What</th>
              <th>State</th>
              <th>Claimed by</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((n: NotificationView) => (
              <tr key={n.id} data-notification-id={n.id}>
                <td>
                  <DateTime at={n.createdAt} />
                </td>
                <td>{n.contact?.name ?? <PhoneNumber value={n.caller} />}</td>
                <td>
                  {kindLabel[n.kind]} to {n.number.displayName}
                </td>
                <td data-testid="state">{stateLabel[n.state]}</td>
                <td data-testid="claimant">{n.claimedBy?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
