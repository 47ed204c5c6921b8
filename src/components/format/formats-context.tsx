import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatPhoneNumber,
  formatRelative,
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

export function FormatsProvider({
  country,
  locale,
  timeZone,
  children,
}: Partial<FormatSettings> & { children: ReactNode }) {
  const value = useMemo(() => {
    const browser = browserFormatSettings(country);
    return { ...browser, locale: locale ?? browser.locale, timeZone: timeZone ?? browser.timeZone };
  }, [country, locale, timeZone]);
  return <FormatsContext.Provider value={value}>{children}</FormatsContext.Provider>;
}

/** Format functions bound to the agent's settings, for text that is not an element (labels, titles, notifications). */
export function useFormats() {
  const settings = useContext(FormatsContext);
  return useMemo(
    () => ({
      settings,
      phone: (value: string) => formatPhoneNumber(value, settings.country),
      dateTime: (ms: number) => formatDateTime(ms, settings),
      date: (ms: number) => formatDate(ms, settings),
      relative: (ms: number, now: number) => formatRelative(ms, now, settings),
      duration: formatDuration,
    }),
    [settings],
  );
}
