import { createGuardedLocation, type AskLeave, type LocationWindow } from './guarded-location';

/** A page's address and history in memory: pushState and replaceState change the path, popstate is ours to fire. */
function fakeWindow(start: string) {
  const target = new EventTarget();
  const entries = [start];
  let at = 0;
  const win: LocationWindow = {
    addEventListener: target.addEventListener.bind(target) as LocationWindow['addEventListener'],
    removeEventListener: target.removeEventListener.bind(target) as LocationWindow['removeEventListener'],
    location: {
      get pathname() {
        return entries[at]!;
      },
    },
    history: {
      state: null,
      pushState: (_s, _t, url) => void entries.splice(++at, entries.length, String(url)),
      replaceState: (_s, _t, url) => void (entries[at] = String(url)),
    },
  };
  const back = () => {
    at -= 1;
    target.dispatchEvent(new Event('popstate'));
  };
  return { win, back, address: () => entries[at], length: () => entries.length };
}

/** A leave question answered by the test: `answer` holds the pending leave until it is called. */
function question(unsaved: () => boolean) {
  let pending: { leave: () => void; stay: () => void } | undefined;
  const ask: AskLeave = (leave, stay) => (unsaved() ? (pending = { leave, stay }) : leave());
  return { ask, answer: (leave: boolean) => (leave ? pending?.leave() : pending?.stay()), asked: () => !!pending };
}

test('with nothing unsaved the shown path follows links and Back at once', () => {
  const { win, back } = fakeWindow('/');
  const q = question(() => false);
  const loc = createGuardedLocation(win, q.ask);
  loc.navigate('/contacts');
  expect(loc.shown()).toBe('/contacts');
  loc.navigate('/admin/numbers/num-sales');
  back();
  expect(loc.shown()).toBe('/contacts');
  expect(q.asked()).toBe(false);
  loc.stop();
});

test('with unsaved edits Back asks first: Stay keeps the page and puts its address back, Leave goes', () => {
  const { win, back, address } = fakeWindow('/admin/numbers');
  let unsaved = false;
  const q = question(() => unsaved);
  const loc = createGuardedLocation(win, q.ask);
  loc.navigate('/admin/numbers/num-sales');
  unsaved = true;
  back();
  expect(loc.shown()).toBe('/admin/numbers/num-sales');
  q.answer(false);
  expect(loc.shown()).toBe('/admin/numbers/num-sales');
  expect(address()).toBe('/admin/numbers/num-sales');

  loc.navigate('/team');
  expect(loc.shown()).toBe('/admin/numbers/num-sales');
  q.answer(true);
  expect(loc.shown()).toBe('/team');
  loc.stop();
});

test('a link to the screen shown adds no history entry: Back leaves the screen', () => {
  const { win, back, length } = fakeWindow('/calls');
  const loc = createGuardedLocation(win, question(() => false).ask);
  loc.navigate('/team');
  loc.navigate('/team');
  expect(length()).toBe(2);
  back();
  expect(loc.shown()).toBe('/calls');
  loc.stop();
});
