// Values people read, formatted in one place: phone numbers, times, durations, time zones.
export { formatPhoneNumber, phoneText, type PhoneText } from './phone-format';
export {
  describeDuration,
  formatClockTime,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
  type TimeSettings,
} from './time-format';
export { timeZoneLabel, timeZoneNames, timeZoneOffset } from './time-zones';
