import type { StaffView } from '../../../common/api/staff';
import { MAX_BLAST_AGENTS, type CompanyRoute } from '../../../common/domain/company-number';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { StaffChecklist, StaffSelect } from '../staff/staff-pickers';
import { SecondsField } from './seconds-field';

type Kind = CompanyRoute['kind'];
const kindOptions: { value: Kind; label: string }[] = [
  { value: 'blast', label: 'Blast' },
  { value: 'user', label: 'Specific user' },
  { value: 'number', label: 'Another number' },
];
const hints: Record<Kind, string> = {
  blast: `Rings up to ${MAX_BLAST_AGENTS} agents at once; unavailable agents are skipped and the first to answer takes the call.`,
  user: 'Rings one agent.',
  number: 'Forwards the call to an external number.',
};

/** The same route as another kind, keeping the ring time. */
function switchKind(route: CompanyRoute, kind: Kind): CompanyRoute {
  const { ringTimeoutSeconds } = route;
  if (kind === 'blast')
    return { kind, staffIds: route.kind === 'user' && route.staffId ? [route.staffId] : [], ringTimeoutSeconds };
  if (kind === 'user')
    return { kind, staffId: route.kind === 'blast' ? (route.staffIds[0] ?? '') : '', ringTimeoutSeconds };
  return { kind, number: '', ringTimeoutSeconds };
}

type Props = {
  label: string;
  route: CompanyRoute;
  onChange: (r: CompanyRoute) => void;
  staff: readonly StaffView[];
  error: unknown;
  path: (string | number)[];
};

/** Who an unknown caller rings: a blast to several agents, one agent, or another number. */
export function CompanyRouteEditor({ label, route, onChange, staff, error, path }: Props) {
  return (
    <div className="route-editor">
      <SegmentedChoice
        label={label}
        value={route.kind}
        options={kindOptions}
        onChange={(kind) => kind !== route.kind && onChange(switchKind(route, kind))}
      />
      <p className="muted">{hints[route.kind]}</p>
      {route.kind === 'blast' && (
        <StaffChecklist
          label="Agents to ring"
          staff={staff}
          selected={route.staffIds}
          max={MAX_BLAST_AGENTS}
          onChange={(staffIds) => onChange({ ...route, staffIds })}
          error={error}
          path={[...path, 'staffIds']}
        />
      )}
      {route.kind === 'user' && (
        <StaffSelect
          label="Agent"
          staff={staff}
          value={route.staffId}
          onChange={(staffId) => onChange({ ...route, staffId })}
          error={error}
          path={[...path, 'staffId']}
        />
      )}
      {route.kind === 'number' && (
        <label>
          Phone number
          <input
            value={route.number}
            placeholder="+44 20 7946 0958"
            onChange={(e) => onChange({ ...route, number: e.target.value })}
          />
          <FieldError error={error} path={[...path, 'number']} />
        </label>
      )}
      <SecondsField
        label="Ring time (s)"
        value={route.ringTimeoutSeconds}
        onChange={(ringTimeoutSeconds) => onChange({ ...route, ringTimeoutSeconds })}
        error={error}
        path={[...path, 'ringTimeoutSeconds']}
      />
      <FieldError error={error} path={[...path, 'kind']} />
    </div>
  );
}
