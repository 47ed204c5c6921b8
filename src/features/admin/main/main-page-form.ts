import type { BusinessHoursView } from '../../../common/api/org';
import { mainSettingsInputSchema, type MainSettingsInput, type NumberView } from '../../../common/api/numbers';
import { businessHoursSchema, type BusinessHours } from '../../../common/domain/business-hours';
import { checkLikeTheServer } from '../settings-form/client-check';
import { useSettingsForm, type SettingsForm } from '../settings-form/use-settings-form';
import { useSaveBusinessHours, useSaveMainSettings, type MainNumberView } from './main-api';

export type MainPageDraft = { main: MainSettingsInput; hours: BusinessHours };
export type MainPageForm = SettingsForm<MainPageDraft>;

const settingsOf = ({ state, inHours, outOfHours }: MainNumberView['main']): MainSettingsInput => ({
  state,
  inHours,
  outOfHours,
});

/**
 * The main number's page as one form with one save: its call handling (the number) and the organisation's business
 * hours, which decide its in-hours branch. Both are checked with the server's schemas before either is sent.
 */
export function useMainPageForm(number: MainNumberView, hours: BusinessHoursView): MainPageForm {
  const saveMain = useSaveMainSettings(number.id);
  const saveHours = useSaveBusinessHours();
  const saved: MainPageDraft = { main: settingsOf(number.main), hours: hours.businessHours };
  return useSettingsForm({
    saved,
    fromSaved: (next: MainPageDraft) => next,
    save: async (draft) => {
      const mainChanged = JSON.stringify(draft.main) !== JSON.stringify(saved.main);
      const hoursChanged = JSON.stringify(draft.hours) !== JSON.stringify(saved.hours);
      if (mainChanged) checkLikeTheServer(mainSettingsInputSchema, draft.main);
      if (hoursChanged) checkLikeTheServer(businessHoursSchema, draft.hours);
      let main = saved.main;
      if (mainChanged) {
        const view: NumberView = await saveMain.mutateAsync(draft.main);
        if (view.kind === 'main') main = settingsOf(view.main);
      }
      const nextHours = hoursChanged ? (await saveHours.mutateAsync(draft.hours)).businessHours : saved.hours;
      return { main, hours: nextHours };
    },
  });
}
