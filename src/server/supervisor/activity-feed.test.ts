import type { BoardActivity } from '../../common/api/board';
import type { Repos } from '../storage/repos';
import { createActivityFeed } from './activity-feed';

/** An activity feed over a fake query, flushed by hand instead of on the next event-loop turn. */
function feedWith(watched: boolean) {
  const asked: string[] = [];
  const sent: BoardActivity[][] = [];
  const queued: (() => void)[] = [];
  const orgSettings = { businessHours: () => ({ businessHours: { timeZone: 'Europe/London', windows: [] } }) };
  const feed = createActivityFeed({
    repos: { orgSettings } as unknown as Repos,
    now: () => Date.UTC(2026, 11, 4, 12),
    rev: () => 7,
    activity: (q) => {
      asked.push(q.only!);
      return [{ staffId: q.only!, rev: q.rev, call: null, today: { answered: 0, missed: 0, talkSeconds: 0 } }];
    },
    emit: (_orgId, list) => sent.push(list),
    later: (fn) => queued.push(fn),
    watched: () => watched,
  });
  const flush = () => queued.splice(0).forEach((fn) => fn());
  return { feed, asked, sent, flush };
}

test("a watched board gets each touched agent's activity once per turn", () => {
  const { feed, asked, sent, flush } = feedWith(true);
  feed.touched('org-demo', ['staff-carol']);
  feed.touched('org-demo', ['staff-carol', 'staff-bob']);
  flush();
  expect(asked).toEqual(['staff-carol', 'staff-bob']);
  expect(sent.map((list) => list.map((a) => a.staffId))).toEqual([['staff-carol', 'staff-bob']]);
});

test('with no supervisor watching, a call fact reads and sends nothing', () => {
  const { feed, asked, sent, flush } = feedWith(false);
  feed.touched('org-demo', ['staff-carol']);
  flush();
  expect(asked).toEqual([]);
  expect(sent).toEqual([]);
});
