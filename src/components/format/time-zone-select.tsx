import { useMemo } from 'react';
import { timeZoneLabel, timeZoneNames } from '../../common/format';

type Props = { id?: string; value: string; onChange: (timeZone: string) => void; 'aria-describedby'?: string };

/** A time zone picked from the list of IANA zones, each with its offset today; a saved zone the list lacks stays choosable. */
export function TimeZoneSelect({ value, onChange, ...rest }: Props) {
  const options = useMemo(() => {
    const names = timeZoneNames();
    const now = Date.now();
    return (value && !names.includes(value) ? [value, ...names] : names).map((z) => ({
      value: z,
      label: timeZoneLabel(z, now),
    }));
  }, [value]);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A saved time zone as the picker names it: "Europe/London (GMT)". */
export function TimeZoneLabel({ timeZone }: { timeZone: string }) {
  return <span title={timeZone}>{timeZoneLabel(timeZone, Date.now())}</span>;
}
