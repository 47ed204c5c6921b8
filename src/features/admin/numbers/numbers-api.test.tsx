// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { isMyData, queryKeys } from '../../../app/query-keys';
import type { NumberView } from '../../../common/api/numbers';
import { numberChangesQuery, numberQuery, numbersQuery, useNumberSaved } from './numbers-api';

const view = (id: string, displayName: string) => ({ id, displayName }) as unknown as NumberView;

test('a saved number is written into the list and its own entry, and every number query goes stale', async () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  qc.setQueryData(numbersQuery.queryKey, [view('a', 'Sales'), view('b', 'Support')]);
  qc.setQueryData(numberQuery('a').queryKey, view('a', 'Sales'));
  qc.setQueryData(numberChangesQuery('a').queryKey, []);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useNumberSaved(), { wrapper });
  await result.current(view('a', 'Sales line'));
  expect(qc.getQueryData(numbersQuery.queryKey)?.map((n) => n.displayName)).toEqual(['Sales line', 'Support']);
  expect(qc.getQueryData(numberQuery('a').queryKey)?.displayName).toBe('Sales line');
  expect(qc.getQueryState(numberChangesQuery('a').queryKey)?.isInvalidated).toBe(true);
});

test('"my data" is everything under me except who I am', () => {
  expect(isMyData({ queryKey: queryKeys.me })).toBe(false);
  expect(isMyData({ queryKey: queryKeys.myBindings })).toBe(true);
  expect(isMyData({ queryKey: queryKeys.callerIds.forCallee('+15551234567') })).toBe(true);
  expect(isMyData({ queryKey: queryKeys.calls })).toBe(false);
});
