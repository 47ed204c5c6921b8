import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { ManualPresence } from '../../common/presence';
import { SegmentedChoice } from '../../components/ui/segmented-choice';
import { presenceLabels } from './presence-labels';
import { selectPresenceOf } from './presence-store';

const choices: { value: ManualPresence; label: string }[] = [
  { value: 'available', label: 'Available' },
  { value: 'away', label: 'Away' },
  { value: 'dnd', label: 'Do not disturb' },
];

/** The agent's own presence as the companion sees it, and the states they may choose. */
export function PresencePicker({ staffId }: { staffId: string }) {
  const { feed, presence } = useServices();
  const mine = useStore(presence, selectPresenceOf(staffId));
  const [error, setError] = useState<string>();
  const choose = async (state: ManualPresence) => {
    const ack = await feed.setPresence(state);
    setError(ack.ok ? undefined : ack.error.message);
  };
  const current = mine?.state;
  return (
    <div className="presence-picker">
      <span className={`presence-dot presence-${current ?? 'offline'}`} data-presence={current ?? 'offline'}>
        {presenceLabels[current ?? 'offline']}
      </span>
      <SegmentedChoice
        label="Set my status"
        value={choices.some((c) => c.value === current) ? (current as ManualPresence) : undefined}
        options={choices}
        onChange={(v) => void choose(v)}
      />
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}
