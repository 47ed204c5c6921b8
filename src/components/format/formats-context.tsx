import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
  loadNumberingPlan,
  numberingPlan,
  onNumberingPlan,
  phoneText,
  type TimeSettings,
} from '../../common/format';

/** The agent's locale and time zone, and the organisation's country (whose numbers read in national format). */
export type FormatSettings = TimeSettings & { country: string };

/** The browser's locale and time zone; without a country every number reads in international format. */
export function browserFormatSettings(country = ''): FormatSettings {
  const locale = typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-GB';
  return { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country };
}

const FormatsContext = createContext<FormatSettings>(browserFormatSettings());

/**
 * The agent's formats for everything inside. The numbering plan is fetched once the page is up (after the phone
 * has started); numbers shown before it is in read as E.164 and re-render when it arrives.
 */
export function FormatsProvider({
  country,
  locale,
  timeZone,
  children,
}: Partial<FormatSettings> & { children: ReactNode }) {
  useEffect(() => {
    void loadNumberingPlan();
  }, []);
  const value = useMemo(() => {
    const browser = browserFormatSettings(country);
    return { ...browser, locale: locale ?? browser.locale, timeZone: timeZone ?? browser.timeZone };
  }, [country, locale, timeZone]);
  return <FormatsContext.Provider value={value}>{children}</FormatsContext.Provider>;
}

/**
 * Format functions bound to the agent's settings, for text that is not an element (labels, titles, notifications).
 * A component using them renders again when the numbering plan arrives.
 */
export function useFormats() {
  const settings = useContext(FormatsContext);
  const plan = useSyncExternalStore(onNumberingPlan, numberingPlan, numberingPlan);
  return useMemo(
    () => ({
      settings,
      phoneText: (value: string) => phoneText(value, settings.country, plan),
      phone: (value: string) => phoneText(value, settings.country, plan).text,
      dateTime: (ms: number) => formatDateTime(ms, settings),
      date: (ms: number) => formatDate(ms, settings),
      relative: (ms: number, now: number) => formatRelative(ms, now, settings),
      duration: formatDuration,
    }),
    [settings, plan],
  );
}
