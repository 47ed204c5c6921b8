import { lazy, Suspense } from 'react';

const Viewport = lazy(async () => ({ default: (await import('./toast-viewport')).ToastViewport }));

/**
 * Where the page's toasts appear. Their radix-ui code is not in the first load: it is fetched as the page first
 * renders, and toasts raised before it arrives are shown when it does (they wait in the store).
 */
export function ToastHost() {
  return (
    <Suspense fallback={null}>
      <Viewport />
    </Suspense>
  );
}
