import type { NumberView } from '../../../common/api/numbers';
import type { RoutingSettings } from '../../../common/domain/routing-settings';
import { basicInfoUpdateSchema, routingSettingsFor, type StandardNumber } from '../../../common/domain/virtual-number';
import { checkLikeTheServer } from '../settings-form/client-check';
import { useSettingsForm, type SettingsForm } from '../settings-form/use-settings-form';
import { useSaveBasicInfo, useSaveRouting } from './numbers-api';

/** A standard number's routing as its page edits it: the fail-safe number as typed ('' for none). */
export type RoutingDraft = Omit<RoutingSettings, 'noAnswer'> & { failSafe: string };
export type NumberDraft = { displayName: string; routing: RoutingDraft | null };
export type NumberForm = SettingsForm<NumberDraft>;

const routingDraft = ({ noAnswer, ...rest }: RoutingSettings): RoutingDraft => ({
  ...rest,
  failSafe: noAnswer.failSafeNumber ?? '',
});
const routingBody = ({ failSafe, ...rest }: RoutingDraft): RoutingSettings => ({
  ...rest,
  noAnswer: { failSafeNumber: failSafe.trim() === '' ? null : failSafe },
});

export const numberDraft = (n: NumberView): NumberDraft => ({
  displayName: n.displayName,
  routing: n.kind === 'standard' ? routingDraft(n.routing) : null,
});

/**
 * The whole number page as one form with one save: the routing (one PUT) and the display name (one PATCH). Both are
 * checked with the server's schemas first, so a refusal saves neither; routing, which the server checks further
 * (staff of the organisation, greetings that exist), is sent first.
 */
export function useNumberForm(number: NumberView): NumberForm {
  const saveRouting = useSaveRouting(number.id);
  const saveBasic = useSaveBasicInfo(number.id);
  const saved = numberDraft(number);
  return useSettingsForm({
    saved,
    fromSaved: numberDraft,
    save: async (draft) => {
      const routingChanged = draft.routing !== null && JSON.stringify(draft.routing) !== JSON.stringify(saved.routing);
      const nameChanged = draft.displayName !== saved.displayName;
      const routing = routingChanged && draft.routing ? routingBody(draft.routing) : null;
      if (routing) checkLikeTheServer(routingSettingsFor(number.type), routing);
      if (nameChanged) checkLikeTheServer(basicInfoUpdateSchema, { displayName: draft.displayName });
      let view: NumberView = number;
      if (routing) view = await saveRouting.mutateAsync(routing);
      if (nameChanged) view = await saveBasic.mutateAsync({ displayName: draft.displayName });
      return view;
    },
  });
}

/** Sets part of a standard number's routing draft. */
export function setRouting(form: NumberForm, patch: Partial<RoutingDraft>): void {
  form.setDraft((d) => (d.routing ? { ...d, routing: { ...d.routing, ...patch } } : d));
}

export type StandardForm = { form: NumberForm; routing: RoutingDraft; number: StandardNumber };
