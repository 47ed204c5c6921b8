import { rowWindow } from './use-row-window';

test.each([
  { why: 'at the top', count: 5000, scrollTop: 0, view: 400, want: { first: 0, last: 18, top: 0, bottom: 4981 * 40 } },
  {
    why: 'scrolled down',
    count: 5000,
    scrollTop: 4000,
    view: 400,
    want: { first: 92, last: 118, top: 92 * 40, bottom: 4881 * 40 },
  },
  {
    why: 'at the end',
    count: 5000,
    scrollTop: 4999 * 40 - 400,
    view: 400,
    want: { first: 4981, last: 4999, top: 4981 * 40, bottom: 0 },
  },
  { why: 'fewer rows than fit', count: 3, scrollTop: 0, view: 400, want: { first: 0, last: 2, top: 0, bottom: 0 } },
  { why: 'no rows', count: 0, scrollTop: 0, view: 400, want: { first: 0, last: -1, top: 0, bottom: 0 } },
])('$why', ({ count, scrollTop, view, want }) => {
  expect(rowWindow(count, 40, scrollTop, view, 8)).toEqual(want);
});
