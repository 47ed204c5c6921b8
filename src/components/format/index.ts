export { browserFormatSettings, FormatsProvider, useFormats, type FormatSettings } from './formats-context';
export { PhoneNumber } from './phone-number';
export { DateTime, Duration, RelativeTime } from './times';
export { TimeZoneLabel, TimeZoneSelect } from './time-zone-select';
export { useNow } from './use-now';
