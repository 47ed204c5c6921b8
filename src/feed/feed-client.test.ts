import { vi } from 'vitest';
import type { FeedListeners } from './feed-client';
import { parsedListener } from './feed-client';

const presence = { staffId: 's1', name: 'Alice Agent', extension: '1001', state: 'available', since: 1 };

function deps() {
  const listeners = Object.fromEntries(
    ['presence:changed', 'call:offered', 'voicemail:changed'].map((e) => [e, vi.fn()]),
  ) as unknown as FeedListeners;
  return { listeners, resync: vi.fn() };
}

test('a pushed fact reaches its listener once it parses', () => {
  const d = deps();
  parsedListener('presence:changed', d)(presence);
  expect(d.listeners['presence:changed']).toHaveBeenCalledWith(presence);
  expect(d.resync).not.toHaveBeenCalled();
});

test.each([
  ['presence:changed', { ...presence, state: 'superuser' }],
  ['presence:changed', null],
  ['call:offered', { sipCallId: 'c1' }],
  ['voicemail:changed', { id: 42 }],
] as const)('a %s payload that does not parse is dropped and a resync asked for: %j', (event, body) => {
  const d = deps();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  parsedListener(event, d)(body);
  expect(d.listeners[event]).not.toHaveBeenCalled();
  expect(d.resync).toHaveBeenCalledOnce();
});
