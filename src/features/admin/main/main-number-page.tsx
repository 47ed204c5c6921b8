import { PhoneNumber } from '../../../components/format';
import { useStaff } from '../staff/staff-api';
import { BusinessHoursSection } from './business-hours-section';
import { useBusinessHours, useMainNumber } from './main-api';
import { MainSettingsForm } from './main-settings-form';
import { PinSection } from './pin-section';

/** The organisation's advertised inbound-only number: its state, business hours, call handling and voicemail PIN. */
export function MainNumberPage() {
  const number = useMainNumber();
  const staff = useStaff();
  const hours = useBusinessHours();
  if (number.isPending || staff.isPending || hours.isPending) return <p>Loading…</p>;
  if (number.isError) return <p className="error">The main number could not be loaded: {number.error.message}</p>;
  if (staff.isError) return <p className="error">The staff list could not be loaded: {staff.error.message}</p>;
  if (hours.isError) return <p className="error">The business hours could not be loaded: {hours.error.message}</p>;
  const main = number.data;
  if (!main) return <p className="panel muted">Your organisation has no main number yet. Ask your account manager for one.</p>;

  return (
    <div className="admin-page">
      <div className="row details-header">
        <h2>
          <PhoneNumber value={main.number} />
          {main.displayName && <span className="muted"> · {main.displayName}</span>}
        </h2>
        <span className={`state-badge state-${main.main.state}`}>{main.main.state === 'active' ? 'Active' : 'Reserved'}</span>
      </div>
      <p className="muted">Inbound only: the main number is never used as caller ID for outbound calls.</p>
      <MainSettingsForm number={main} staff={staff.data} />
      <BusinessHoursSection view={hours.data} />
      <PinSection number={main} />
    </div>
  );
}
