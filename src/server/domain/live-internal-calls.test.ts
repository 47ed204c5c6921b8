import type { StaffRecord } from '../storage/staff-repo';
import { createLiveInternalCalls } from './live-internal-calls';

const member = (id: string, orgId: string, extension: string) =>
  ({ id, orgId, name: `Agent ${id}`, extension, role: 'agent' }) as StaffRecord;
const people = [member('ana', 'org-a', '1001'), member('ben', 'org-a', '1002'), member('zed', 'org-z', '1003')];

function world() {
  let now = 1_000_000;
  const touched: string[][] = [];
  const live = createLiveInternalCalls({
    findByExtension: (ext) => people.find((p) => p.extension === ext),
    now: () => now,
    touched: (orgId, ids) => touched.push([orgId, ...ids]),
  });
  const progress = (event: 'ringing' | 'answered', callId = 'c1', from = '1001', to = '1002') =>
    live.progress({ callId, from, to, event, startedAt: 990 });
  return { live, touched, progress, tick: (ms: number) => (now += ms) };
}

test('ringing, then answered (on the companion clock), then over: each step touches both agents', () => {
  const { live, touched, progress } = world();
  expect(progress('ringing')).toBe(true);
  expect(live.of('org-a')).toMatchObject([
    { id: 'c1', caller: { id: 'ana' }, callee: { id: 'ben', extension: '1002' }, startedAt: 990_000, answeredAt: null },
  ]);
  progress('answered');
  expect(live.of('org-a')[0]?.answeredAt).toBe(1_000_000);
  live.ended('c1');
  expect(live.of('org-a')).toEqual([]);
  expect(touched).toEqual([
    ['org-a', 'ana', 'ben'],
    ['org-a', 'ana', 'ben'],
    ['org-a', 'ana', 'ben'],
  ]);
});

test('a progress report overtaken by the final one changes nothing', () => {
  const { live, progress } = world();
  live.ended('c1');
  expect(progress('answered')).toBe(true);
  expect(live.of('org-a')).toEqual([]);
});

test.each([
  { rule: "another organisation's extension", from: '1001', to: '1003' },
  { rule: 'an extension nobody has', from: '1001', to: '1099' },
  { rule: 'a caller who is no agent', from: '5555', to: '1002' },
])('not kept: $rule', ({ from, to }) => {
  const { live, progress, touched } = world();
  expect(progress('ringing', 'c1', from, to)).toBe(false);
  expect([...live.of('org-a'), ...live.of('org-z')]).toEqual([]);
  expect(touched).toEqual([]);
});

test('a call left ringing whose final report was lost leaves the board after five minutes; an answered one stays', () => {
  const { live, progress, tick } = world();
  progress('ringing', 'lost');
  progress('answered', 'long');
  tick(5 * 60_000);
  expect(live.of('org-a').map((c) => c.id)).toEqual(['long']);
});
