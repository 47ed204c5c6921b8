import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { CallerIdOption } from '../../common/api/me';
import { useFormats } from '../../components/format';
import { ToggleSwitch } from '../../components/ui/toggle-switch';
import { callerIdChoiceActions } from './caller-id-choice';
import { useCallerIds, useChooseCallerId } from './caller-ids-api';

const label = (o: CallerIdOption, phone: (n: string) => string) =>
  `${o.displayName} · ${phone(o.number)}${o.city ? ` · ${o.city}` : ''}${o.engagementAvailable ? ' · engagement' : ''}`;

/**
 * Which of my numbers the customer sees, and engagement mode. Starts with my remembered choice; for a
 * callee with a binding to me, or a local number in their area, that number is suggested first with why.
 */
export function CallerIdPicker({ callee }: { callee?: string }) {
  const { callerIdChoice: store } = useServices();
  const choice = useStore(store);
  const view = useCallerIds(callee);
  const remember = useChooseCallerId();
  const formats = useFormats();
  const suggestedFor = useRef<string | undefined>(undefined);
  const options = view.data?.options ?? [];
  const current = options.find((o) => o.numberId === choice.numberId);

  useEffect(() => {
    const data = view.data;
    if (!data) return;
    const suggested = data.suggestion && data.options.find((o) => o.numberId === data.suggestion!.numberId);
    if (suggested && suggestedFor.current !== callee) {
      suggestedFor.current = callee;
      callerIdChoiceActions.choose(store, suggested);
      return;
    }
    if (!data.options.some((o) => o.numberId === store.getState().numberId)) {
      const fallback = data.options.find((o) => o.numberId === data.selected);
      if (fallback) callerIdChoiceActions.choose(store, fallback);
    }
  }, [view.data, callee, store]);

  if (view.isPending) return <p className="muted">Loading your caller IDs…</p>;
  if (view.isError) return <p role="alert">{view.error.message}</p>;
  if (options.length === 0) {
    return (
      <p role="alert" className="error">
        You have no number you may present as caller ID, so you cannot call customers. Ask an admin to add you to a
        number’s caller ID list.
      </p>
    );
  }
  return (
    <div className="caller-id-picker">
      <label>
        Caller ID
        <select
          value={choice.numberId ?? ''}
          onChange={(e) => {
            const picked = options.find((o) => o.numberId === e.target.value);
            if (!picked) return;
            callerIdChoiceActions.choose(store, picked);
            remember.mutate(picked.numberId);
          }}
        >
          {options.map((o) => (
            <option key={o.numberId} value={o.numberId}>
              {label(o, formats.phone)}
            </option>
          ))}
        </select>
      </label>
      {view.data?.suggestion && view.data.suggestion.numberId === choice.numberId && (
        <p className="muted" data-testid="caller-id-reason">
          {view.data.suggestion.reason}
        </p>
      )}
      <ToggleSwitch
        label={
          current?.engagementAvailable
            ? `Engagement mode (binds the customer to you for ${current.engagementDays} days)`
            : 'Engagement mode (local numbers with engagement on)'
        }
        checked={choice.engagement && Boolean(current?.engagementAvailable)}
        disabled={!current?.engagementAvailable}
        onChange={(on) => callerIdChoiceActions.setEngagement(store, on)}
      />
    </div>
  );
}
