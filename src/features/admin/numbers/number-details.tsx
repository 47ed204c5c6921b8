import type { NumberView } from '../../../common/api/numbers';
import type { StaffView } from '../../../common/api/staff';
import { PhoneNumber, useFormats } from '../../../components/format';
import { Button } from '../../../components/ui/button';
import { PanelBoundary } from '../../../components/ui/panel-boundary';
import { requestLeave } from '../settings-form/unsaved-changes';
import { SettingsSaveBar } from '../settings-form/settings-save-bar';
import { BasicInfoSection } from './basic-info-section';
import { BindingSection } from './binding-section';
import { CallerIdSection } from './caller-id-section';
import { ChangeHistory } from './change-history';
import { DryRunPanel } from './dry-run-panel';
import { useStaff } from '../staff/staff-api';
import { useNumberForm, type NumberForm } from './number-form';
import { useNumber } from './numbers-api';
import { RoutingSection } from './routing-section';
import './number-page.css';

const shown = [['displayName'], ['rule'], ['voicemail'], ['noAnswer'], ['sticky'], ['engagement'], ['callerIds']];

function StandardSections({
  number,
  staff,
  form,
}: {
  number: Extract<NumberView, { kind: 'standard' }>;
  staff: readonly StaffView[];
  form: NumberForm;
}) {
  const routing = form.draft.routing;
  if (!routing) return null;
  const tollFree = number.type === 'toll-free';
  return (
    <>
      <RoutingSection number={number} staff={staff} form={form} routing={routing} />
      <BindingSection
        form={form}
        routing={routing}
        field="sticky"
        title="Sticky routing"
        label="Sticky routing"
        intro="After a caller talks to an agent through this number, their next call goes straight to that agent."
      />
      <BindingSection
        form={form}
        routing={routing}
        field="engagement"
        title="Engagement"
        label="Engagement mode"
        intro="An agent who calls a customer from this number in engagement mode is rung first when that customer calls back."
        unavailable={
          tollFree ? 'Engagement mode is only available on local numbers; this is a toll-free number.' : undefined
        }
      />
      <CallerIdSection staff={staff} form={form} routing={routing} />
    </>
  );
}

/** One number's page: its settings as one form with one save bar, the "Who would ring?" tool and the change history. */
function NumberPage({
  number: n,
  staff,
  onBack,
}: {
  number: NumberView;
  staff: readonly StaffView[];
  onBack: () => void;
}) {
  const form = useNumberForm(n);
  const formats = useFormats();
  return (
    <div className="number-details">
      <div className="row details-header">
        <Button onClick={() => requestLeave(onBack)}>← All numbers</Button>
        <h2>
          <PhoneNumber value={n.number} />
          {n.displayName && <span className="muted"> · {n.displayName}</span>}
        </h2>
      </div>
      <div className="details-columns">
        <div className="details-main" ref={(el) => void (form.formRef.current = el)}>
          <BasicInfoSection number={n} form={form} />
          {n.kind === 'standard' ? (
            <StandardSections number={n} staff={staff} form={form} />
          ) : (
            <p className="panel muted">
              Calls to the {n.kind === 'company' ? 'company' : 'main'} number are configured on the{' '}
              {n.kind === 'company' ? 'Company number' : 'Main number'} tab.
            </p>
          )}
        </div>
        <aside className="details-side">
          <PanelBoundary name="Who would ring?">
            <DryRunPanel number={n} staff={staff} />
          </PanelBoundary>
          <PanelBoundary name="Change history">
            <ChangeHistory numberId={n.id} />
          </PanelBoundary>
        </aside>
      </div>
      <SettingsSaveBar
        form={form}
        what="number settings"
        description="The new settings apply to the next call to this number."
        shown={shown}
      >
        Last updated {formats.dateTime(n.updatedAt)} by {n.updatedBy}
      </SettingsSaveBar>
    </div>
  );
}

export function NumberDetails({ id, onBack }: { id: string; onBack: () => void }) {
  const number = useNumber(id);
  const staff = useStaff();
  const back = <Button onClick={onBack}>← All numbers</Button>;
  if (number.isPending || staff.isPending)
    return (
      <div>
        {back} <p>Loading…</p>
      </div>
    );
  if (number.isError)
    return (
      <div>
        {back} <p className="error">The number could not be loaded: {number.error.message}</p>
      </div>
    );
  if (staff.isError)
    return (
      <div>
        {back} <p className="error">The staff list could not be loaded: {staff.error.message}</p>
      </div>
    );
  return <NumberPage number={number.data} staff={staff.data} onBack={onBack} />;
}
