import { Toast as RadixToast } from 'radix-ui';
import { useStore } from 'zustand';
import { Button } from './button';
import { dismissToast, toasts, toneLabel, type Toast } from './toast-store';
import './toast.css';

/** How long a toast stays; radix pauses it while the pointer or focus is on the toasts and while the window is away. */
const SHOWN_MS = 8000;
const ERROR_SHOWN_MS = 15_000;

/**
 * The page's toasts (toast-store.ts), bottom right, newest last. Each is announced by radix's own live region:
 * politely, and assertively for errors. None takes focus (F8 moves to them); each has Dismiss, and Escape or a
 * swipe closes one. The tone is a word as well as a colour.
 */
export function ToastViewport() {
  const list = useStore(toasts, (s) => s.list);
  return (
    <RadixToast.Provider label="Notification" duration={SHOWN_MS} swipeDirection="right">
      {list.map((t) => (
        <ToastItem key={t.key} toast={t} />
      ))}
      <RadixToast.Viewport className="toast-viewport" />
    </RadixToast.Provider>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const error = toast.tone === 'error';
  return (
    <RadixToast.Root
      className={`toast toast-${toast.tone}`}
      data-tone={toast.tone}
      data-toast={toast.id}
      type={error ? 'foreground' : 'background'}
      duration={error ? ERROR_SHOWN_MS : undefined}
      onOpenChange={(open) => !open && dismissToast(toast.id)}
    >
      {/* The spaces keep the announced words apart ("Problem Live updates lost …"). */}
      <span className="toast-tone">{toneLabel[toast.tone]}</span>{' '}
      <RadixToast.Title className="toast-title">{toast.title}</RadixToast.Title>{' '}
      {toast.body && <RadixToast.Description className="toast-body">{toast.body}</RadixToast.Description>}{' '}
      <div className="toast-actions">
        {toast.action && (
          <RadixToast.Action altText={toast.action.altText} asChild>
            <Button tone="primary" onClick={toast.action.run}>
              {toast.action.label}
            </Button>
          </RadixToast.Action>
        )}
        <RadixToast.Close asChild>
          <Button>Dismiss</Button>
        </RadixToast.Close>
      </div>
    </RadixToast.Root>
  );
}
