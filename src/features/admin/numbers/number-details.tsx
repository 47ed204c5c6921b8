import type { StandardNumber } from '../../../common/domain/virtual-number';
import type { StaffView } from '../../../common/api/staff';
import { Button } from '../../../components/ui/button';
import { PanelBoundary } from '../../../components/ui/panel-boundary';
import { BasicInfoSection } from './basic-info-section';
import { BindingSection } from './binding-section';
import { CallerIdSection } from './caller-id-section';
import { ChangeHistory } from './change-history';
import { DryRunPanel } from './dry-run-panel';
import { formatPhone } from './format';
import { useStaff } from '../staff/staff-api';
import { useNumber } from './numbers-api';
import { RoutingSection } from './routing-section';

function StandardSections({ number, staff }: { number: StandardNumber; staff: readonly StaffView[] }) {
  const tollFree = number.type === 'toll-free';
  return (
    <>
      <RoutingSection number={number} staff={staff} />
      <BindingSection
        number={number}
        field="sticky"
        title="Sticky routing"
        label="Sticky routing"
        intro="After a caller talks to an agent through this number, their next call goes straight to that agent."
      />
      <BindingSection
        number={number}
        field="engagement"
        title="Engagement"
        label="Engagement mode"
        intro="An agent who calls a customer from this number in engagement mode is rung first when that customer calls back."
        unavailable={tollFree ? 'Engagement mode is only available on local numbers; this is a toll-free number.' : undefined}
      />
      <CallerIdSection number={number} staff={staff} />
    </>
  );
}

/** One number's details: basic information and its settings, the "Who would ring?" tool and the change history. */
export function NumberDetails({ id, onBack }: { id: string; onBack: () => void }) {
  const number = useNumber(id);
  const staff = useStaff();
  const back = <Button onClick={onBack}>← All numbers</Button>;
  if (number.isPending || staff.isPending) return <div>{back} <p>Loading…</p></div>;
  if (number.isError) return <div>{back} <p className="error">The number could not be loaded: {number.error.message}</p></div>;
  if (staff.isError) return <div>{back} <p className="error">The staff list could not be loaded: {staff.error.message}</p></div>;
  const n = number.data;

  return (
    <div className="number-details">
      <div className="row details-header">
        {back}
        <h2>
          {formatPhone(n.number)}
          {n.displayName && <span className="muted"> · {n.displayName}</span>}
        </h2>
      </div>
      <div className="details-columns">
        <div className="details-main">
          <BasicInfoSection number={n} />
          {n.kind === 'standard' ? (
            <StandardSections number={n} staff={staff.data} />
          ) : (
            <p className="panel muted">
              Calls to the {n.kind === 'company' ? 'company' : 'main'} number are configured on the {n.kind === 'company' ? 'Company number' : 'Main number'} tab.
            </p>
          )}
        </div>
        <aside className="details-side">
          <PanelBoundary name="Who would ring?">
            <DryRunPanel number={n} staff={staff.data} />
          </PanelBoundary>
          <PanelBoundary name="Change history">
            <ChangeHistory numberId={n.id} />
          </PanelBoundary>
        </aside>
      </div>
    </div>
  );
}
