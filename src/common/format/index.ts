// Values people read, formatted in one place: phone numbers, times, durations, time zones.
export { loadNumberingPlan, numberingPlan, onNumberingPlan, type NumberingPlan } from './numbering-plan';
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
