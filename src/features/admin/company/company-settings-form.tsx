import type { StaffView } from '../../../common/api/staff';
import type { CompanyNumberSettings } from '../../../common/domain/company-number';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { FieldError } from '../../../components/ui/field-error';
import { DateTime, useFormats } from '../../../components/format';
import { useSaveCompanySettings, type CompanyNumberView } from './company-api';
import { CompanyRouteEditor } from './company-route-editor';
import { CustomRulesEditor } from './custom-rules-editor';
import { useDraft } from './use-draft';

const shown = [['source'], ['tag'], ['defaultRule'], ['customRules']];

/** Everything about unknown callers to one company number, saved together after confirmation. */
export function CompanySettingsForm({ number, staff }: { number: CompanyNumberView; staff: readonly StaffView[] }) {
  const { draft, setDraft, dirty, discard } = useDraft<CompanyNumberSettings>(number.company);
  const save = useSaveCompanySettings(number.id);
  const formats = useFormats();
  const set = (patch: Partial<CompanyNumberSettings>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () => save.mutate(draft, { onSuccess: (view) => view.kind === 'company' && setDraft(view.company) });

  return (
    <section className="admin-page" aria-label="Company number settings">
      <section className="panel number-section" aria-labelledby="company-source-title">
        <h3 id="company-source-title">Source and tag</h3>
        <p className="muted">
          A missed call from an unknown caller becomes an unclaimed notification carrying these. A contact created from it gets this source and tag; an existing
          contact gets both as tags.
        </p>
        <div className="row">
          <label>
            Source
            <input value={draft.source} maxLength={60} onChange={(e) => set({ source: e.target.value })} />
            <FieldError error={save.error} path={['source']} />
          </label>
          <label>
            Tag
            <input value={draft.tag} maxLength={60} onChange={(e) => set({ tag: e.target.value })} />
            <FieldError error={save.error} path={['tag']} />
          </label>
        </div>
      </section>
      <section className="panel number-section" aria-labelledby="company-custom-title">
        <h3 id="company-custom-title">Custom rules</h3>
        <p className="muted">Tried first, by their active hours (in the number's time zone, {number.timeZone}).</p>
        <CustomRulesEditor rules={draft.customRules} onChange={(customRules) => set({ customRules })} staff={staff} error={save.error} />
      </section>
      <section className="panel number-section" aria-labelledby="company-default-title">
        <h3 id="company-default-title">Default rule</h3>
        <p className="muted">For unknown callers outside every custom rule's hours.</p>
        <CompanyRouteEditor label="Default rule routes to" route={draft.defaultRule} onChange={(defaultRule) => set({ defaultRule })} staff={staff} error={save.error} path={['defaultRule']} />
      </section>
      <div className="panel">
        <p className="muted">
          Last updated <DateTime at={number.updatedAt} /> by {number.updatedBy}
        </p>
        <ConfirmedSaveBar
          what="company number settings"
          description={`Unknown callers to ${formats.phone(number.number)} are routed by the new rules from the next call.`}
          dirty={dirty}
          pending={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          shown={shown}
          onSave={submit}
          onDiscard={() => {
            discard();
            save.reset();
          }}
        />
      </div>
    </section>
  );
}
