import type { BusinessHoursView } from '../../../common/api/org';
import type { StaffView } from '../../../common/api/staff';
import { PhoneNumber, useFormats } from '../../../components/format';
import { SettingsSaveBar } from '../settings-form/settings-save-bar';
import { useStaff } from '../staff/staff-api';
import { BusinessHoursSection } from './business-hours-section';
import { useBusinessHours, useMainNumber, type MainNumberView } from './main-api';
import { useMainPageForm } from './main-page-form';
import { MainSettingsForm } from './main-settings-form';
import { PinSection } from './pin-section';

const shown = [['state'], ['inHours'], ['outOfHours'], ['timeZone'], ['windows']];

function MainPage({
  main,
  staff,
  hours,
}: {
  main: MainNumberView;
  staff: readonly StaffView[];
  hours: BusinessHoursView;
}) {
  const form = useMainPageForm(main, hours);
  const formats = useFormats();
  return (
    <div className="admin-page">
      <div className="row details-header">
        <h2>
          <PhoneNumber value={main.number} />
          {main.displayName && <span className="muted"> · {main.displayName}</span>}
        </h2>
        <span className={`state-badge state-${main.main.state}`}>
          {main.main.state === 'active' ? 'Active' : 'Reserved'}
        </span>
      </div>
      <p className="muted">Inbound only: the main number is never used as caller ID for outbound calls.</p>
      <div className="admin-page" ref={(el) => void (form.formRef.current = el)}>
        <MainSettingsForm form={form} staff={staff} />
        <BusinessHoursSection view={hours} form={form} />
      </div>
      <PinSection number={main} />
      <SettingsSaveBar
        form={form}
        what="main number settings"
        description="Calls to the main number follow the new settings from the next call."
        shown={shown}
      >
        Last updated {formats.dateTime(main.updatedAt)} by {main.updatedBy}
      </SettingsSaveBar>
    </div>
  );
}

/** The organisation's advertised inbound-only number: its state, business hours, call handling and voicemail PIN. */
export function MainNumberPage() {
  const number = useMainNumber();
  const staff = useStaff();
  const hours = useBusinessHours();
  if (number.isPending || staff.isPending || hours.isPending) return <p>Loading…</p>;
  if (number.isError) return <p className="error">The main number could not be loaded: {number.error.message}</p>;
  if (staff.isError) return <p className="error">The staff list could not be loaded: {staff.error.message}</p>;
  if (hours.isError) return <p className="error">The business hours could not be loaded: {hours.error.message}</p>;
  if (!number.data)
    return <p className="panel muted">Your organisation has no main number yet. Ask your account manager for one.</p>;
  return <MainPage main={number.data} staff={staff.data} hours={hours.data} />;
}
