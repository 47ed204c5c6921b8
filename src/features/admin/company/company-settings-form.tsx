import type { StaffView } from '../../../common/api/staff';
import type { CompanyNumberSettings } from '../../../common/domain/company-number';
import { useFormats } from '../../../components/format';
import { FieldError } from '../../../components/ui/field-error';
import { SettingsSaveBar } from '../settings-form/settings-save-bar';
import { SettingsSection } from '../settings-form/settings-section';
import { useSettingsForm } from '../settings-form/use-settings-form';
import { useSaveCompanySettings, type CompanyNumberView } from './company-api';
import { CompanyRouteEditor } from './company-route-editor';
import { CustomRulesEditor } from './custom-rules-editor';

const shown = [['source'], ['tag'], ['defaultRule'], ['customRules']];
const routeLabel = { blast: 'Blast', user: 'One agent', number: 'External number' } as const;

/** Everything about unknown callers to one company number, saved together after confirmation. */
export function CompanySettingsForm({ number, staff }: { number: CompanyNumberView; staff: readonly StaffView[] }) {
  const save = useSaveCompanySettings(number.id);
  const form = useSettingsForm<CompanyNumberSettings, CompanyNumberView | unknown>({
    saved: number.company,
    save: (draft) => save.mutateAsync(draft),
    fromSaved: (view) =>
      (view as CompanyNumberView).kind === 'company' ? (view as CompanyNumberView).company : number.company,
  });
  const { draft } = form;
  const formats = useFormats();
  const set = (patch: Partial<CompanyNumberSettings>) => form.setDraft((d) => ({ ...d, ...patch }));
  const rules = draft.customRules.length;

  return (
    <section className="admin-page" aria-label="Company number settings">
      <div className="admin-page" ref={(el) => void (form.formRef.current = el)}>
        <SettingsSection
          id="company-source-title"
          title="Source and tag"
          summary={`${draft.source || '—'} · ${draft.tag || '—'}`}
          defaultOpen
        >
          <p className="muted">
            A missed call from an unknown caller becomes an unclaimed notification carrying these. A contact created
            from it gets this source and tag; an existing contact gets both as tags.
          </p>
          <div className="row">
            <label>
              Source
              <input value={draft.source} maxLength={60} onChange={(e) => set({ source: e.target.value })} />
              <FieldError error={form.error} path={['source']} />
            </label>
            <label>
              Tag
              <input value={draft.tag} maxLength={60} onChange={(e) => set({ tag: e.target.value })} />
              <FieldError error={form.error} path={['tag']} />
            </label>
          </div>
        </SettingsSection>
        <SettingsSection
          id="company-custom-title"
          title="Custom rules"
          summary={rules === 0 ? 'None' : `${rules} rule${rules === 1 ? '' : 's'}`}
          defaultOpen
        >
          <p className="muted">Tried first, by their active hours (in the number's time zone, {number.timeZone}).</p>
          <CustomRulesEditor
            rules={draft.customRules}
            onChange={(customRules) => set({ customRules })}
            staff={staff}
            error={form.error}
          />
        </SettingsSection>
        <SettingsSection
          id="company-default-title"
          title="Default rule"
          summary={routeLabel[draft.defaultRule.kind]}
          defaultOpen
        >
          <p className="muted">For unknown callers outside every custom rule's hours.</p>
          <CompanyRouteEditor
            label="Default rule routes to"
            route={draft.defaultRule}
            onChange={(defaultRule) => set({ defaultRule })}
            staff={staff}
            error={form.error}
            path={['defaultRule']}
          />
        </SettingsSection>
      </div>
      <SettingsSaveBar
        form={form}
        what="company number settings"
        description={`Unknown callers to ${formats.phone(number.number)} are routed by the new rules from the next call.`}
        shown={shown}
      >
        Last updated {formats.dateTime(number.updatedAt)} by {number.updatedBy}
      </SettingsSaveBar>
    </section>
  );
}
