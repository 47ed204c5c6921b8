import { decideRoute } from './decide-route';
import { plan, reasons, routeInput, standardNumber, staffDest } from './route-test-kit';
import { zonedTime } from './zoned-time';

test.each([
  { utc: '2025-06-04T10:00:00Z', timeZone: 'Europe/London', local: 'wed 11:00' },
  { utc: '2025-01-08T10:00:00Z', timeZone: 'Europe/London', local: 'wed 10:00' },
  { utc: '2025-03-30T00:59:00Z', timeZone: 'Europe/London', local: 'sun 00:59' },
  { utc: '2025-03-30T01:00:00Z', timeZone: 'Europe/London', local: 'sun 02:00' },
  { utc: '2025-06-01T23:30:00Z', timeZone: 'Europe/London', local: 'mon 00:30' },
  { utc: '2025-06-02T03:00:00Z', timeZone: 'America/New_York', local: 'sun 23:00' },
  { utc: '2025-06-04T10:00:00Z', timeZone: 'Asia/Kolkata', local: 'wed 15:30' },
])('$utc in $timeZone is $local', ({ utc, timeZone, local }) => {
  const zoned = zonedTime(new Date(utc), timeZone);
  const hhmm = `${String(Math.floor(zoned.minuteOfDay / 60)).padStart(2, '0')}:${String(zoned.minuteOfDay % 60).padStart(2, '0')}`;
  expect(`${zoned.weekday} ${hhmm}`).toBe(local);
});

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const timeRule = {
  rule: {
    kind: 'time',
    windows: [
      { name: 'Office', days: weekdays, start: '09:00', end: '17:00', destination: staffDest('ana') },
      { name: 'After-hours', days: weekdays, start: '17:00', end: '22:00', destination: staffDest('ben') },
      { name: 'Weekend night', days: ['fri'], start: '22:00', end: '06:00', destination: staffDest('cy') },
      { name: 'Sunday early', days: ['sun'], start: '01:30', end: '03:00', destination: staffDest('eve') },
    ],
    fallback: { destination: staffDest('dee') },
  },
};

test.each([
  { case: 'Wed 11:00 BST, office window', utc: '2025-06-04T10:00:00Z', rings: 'ana' },
  { case: 'Wed 17:30 BST (16:30 UTC) is after hours, not office', utc: '2025-06-04T16:30:00Z', rings: 'ben' },
  { case: 'Fri 23:30 BST, overnight window', utc: '2025-06-06T22:30:00Z', rings: 'cy' },
  { case: 'Sat 05:30 BST, same overnight window after midnight', utc: '2025-06-07T04:30:00Z', rings: 'cy' },
  { case: 'Sat 06:00 BST, overnight window has ended', utc: '2025-06-07T05:00:00Z', rings: 'dee' },
  { case: 'Thu 23:30 BST, no overnight window on Thursdays', utc: '2025-06-05T22:30:00Z', rings: 'dee' },
  { case: 'Fri 28 Mar 08:30 GMT, before the clocks go forward', utc: '2025-03-28T08:30:00Z', rings: 'dee' },
  { case: 'Mon 31 Mar 09:30 BST (08:30 UTC), after the clocks go forward', utc: '2025-03-31T08:30:00Z', rings: 'ana' },
  { case: 'Fri 24 Oct 09:30 BST (08:30 UTC), before the clocks go back', utc: '2025-10-24T08:30:00Z', rings: 'ana' },
  { case: 'Mon 27 Oct 08:30 GMT, after the clocks go back', utc: '2025-10-27T08:30:00Z', rings: 'dee' },
  { case: 'Sun 30 Mar 00:45 GMT, before the spring-forward gap', utc: '2025-03-30T00:45:00Z', rings: 'dee' },
  { case: 'Sun 30 Mar 02:15 BST, just after the gap', utc: '2025-03-30T01:15:00Z', rings: 'eve' },
  { case: 'Sun 26 Oct 01:30 BST, first pass of the repeated hour', utc: '2025-10-26T00:30:00Z', rings: 'eve' },
  { case: 'Sun 26 Oct 01:30 GMT, second pass of the repeated hour', utc: '2025-10-26T01:30:00Z', rings: 'eve' },
  { case: 'Sun 26 Oct 03:15 GMT, window over', utc: '2025-10-26T03:15:00Z', rings: 'dee' },
])('time routing in Europe/London: $case → $rings', ({ utc, rings }) => {
  const decision = decideRoute(routeInput(standardNumber(timeRule), { now: new Date(utc) }));
  expect(plan(decision)).toEqual([`${rings}/20`, '→ missed']);
});

test.each([
  { case: 'Mon 10 Mar 09:30 EDT, after US spring forward', utc: '2025-03-10T13:30:00Z', rings: 'ana' },
  { case: 'Mon 3 Mar 08:30 EST, before it', utc: '2025-03-03T13:30:00Z', rings: 'dee' },
])('time routing follows the number’s own zone (America/New_York): $case → $rings', ({ utc, rings }) => {
  const number = standardNumber(timeRule, {
    timeZone: 'America/New_York',
    number: '+12125550123',
    country: 'US',
    city: 'New York',
  });
  expect(plan(decideRoute(routeInput(number, { now: new Date(utc) })))[0]).toBe(`${rings}/20`);
});

test.each([
  { utc: '2025-06-04T16:30:00Z', reason: 'after-hours window' },
  { utc: '2025-06-08T12:00:00Z', reason: 'outside time windows: fallback' },
])('reasons name the window: $reason', ({ utc, reason }) => {
  expect(reasons(decideRoute(routeInput(standardNumber(timeRule), { now: new Date(utc) })))).toEqual([reason]);
});

test('an unnamed window is described by its hours', () => {
  const number = standardNumber({
    rule: {
      kind: 'time',
      windows: [{ days: ['wed'], start: '10:00', end: '12:00', destination: staffDest('ana') }],
      fallback: { destination: staffDest('dee') },
    },
  });
  expect(reasons(decideRoute(routeInput(number)))).toEqual(['time window Wed 10:00–12:00']);
});

test('the window’s agent unavailable → no-answer handling, not the fallback', () => {
  const number = standardNumber(timeRule);
  const decision = decideRoute(routeInput(number, { presence: { ana: 'away', dee: 'available' } }));
  expect(plan(decision)).toEqual(['→ missed']);
});
