import { zonedTimeToIso } from './zoned-time';

test.each([
  { local: '2025-06-04T10:00', zone: 'Europe/London', iso: '2025-06-04T09:00:00.000Z' },
  { local: '2025-01-15T10:00', zone: 'Europe/London', iso: '2025-01-15T10:00:00.000Z' },
  { local: '2025-06-04T10:00', zone: 'America/New_York', iso: '2025-06-04T14:00:00.000Z' },
  { local: '2025-03-30T03:30', zone: 'Europe/London', iso: '2025-03-30T02:30:00.000Z' },
  { local: '2025-06-04T10:00', zone: 'UTC', iso: '2025-06-04T10:00:00.000Z' },
  { local: 'tomorrow', zone: 'UTC', iso: null },
])('$local in $zone is $iso', ({ local, zone, iso }) => {
  expect(zonedTimeToIso(local, zone)).toBe(iso);
});
