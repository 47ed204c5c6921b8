import type { StaffView } from '../../../common/api/staff';
import { MAX_CUSTOM_RULES, type CompanyCustomRule } from '../../../common/domain/company-number';
import { Button } from '../../../components/ui/button';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { CompanyRouteEditor } from './company-route-editor';
import { WeeklyHoursFields } from './weekly-hours-fields';

const newRule = (index: number, firstStaffId: string): CompanyCustomRule => ({
  name: `Rule ${index + 1}`,
  activeHours: { days: ['sat', 'sun'], start: '09:00', end: '17:00' },
  route: { kind: 'user', staffId: firstStaffId, ringTimeoutSeconds: 30 },
});

type Props = {
  rules: CompanyCustomRule[];
  onChange: (rules: CompanyCustomRule[]) => void;
  staff: readonly StaffView[];
  error: unknown;
};

/** Up to ten rules with active hours, tried before the default rule; their hours must not overlap. */
export function CustomRulesEditor({ rules, onChange, staff, error }: Props) {
  const path = ['customRules'];
  const update = (index: number, rule: CompanyCustomRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  return (
    <div className="custom-rules">
      {rules.length === 0 && <p className="muted">No custom rules: the default rule handles every unknown caller.</p>}
      <ol className="rule-list">
        {rules.map((rule, index) => (
          <li key={index}>
            <fieldset className="custom-rule" aria-label={`Custom rule ${index + 1}`}>
              <legend>Custom rule {index + 1}</legend>
              <div className="row">
                <label>
                  Rule name
                  <input
                    value={rule.name}
                    maxLength={60}
                    onChange={(e) => update(index, { ...rule, name: e.target.value })}
                  />
                  <FieldError error={error} path={[...path, index, 'name']} />
                </label>
                <Button tone="danger" onClick={() => onChange(rules.filter((_, i) => i !== index))}>
                  Remove rule
                </Button>
              </div>
              <WeeklyHoursFields
                legend="Active hours"
                hours={rule.activeHours}
                onChange={(activeHours) => update(index, { ...rule, activeHours })}
                error={error}
                path={[...path, index, 'activeHours']}
              />
              <CompanyRouteEditor
                label={`Rule ${index + 1} routes to`}
                route={rule.route}
                onChange={(route) => update(index, { ...rule, route })}
                staff={staff}
                error={error}
                path={[...path, index, 'route']}
              />
              <ExactFieldError error={error} path={[...path, index]} />
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button
          onClick={() => onChange([...rules, newRule(rules.length, staff[0]?.id ?? '')])}
          disabled={rules.length >= MAX_CUSTOM_RULES}
        >
          Add custom rule
        </Button>
        <span className="muted">
          {rules.length} of {MAX_CUSTOM_RULES} custom rules
        </span>
      </div>
      <ExactFieldError error={error} path={path} />
    </div>
  );
}
