import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { ManualPresence } from '../../common/presence';
import { healthWords } from '../../common/presence-health';
import { SegmentedChoice } from '../../components/ui/segmented-choice';
import { EnableSoundButton } from './enable-sound-button';
import { presenceText } from './presence-labels';
import { selectPresenceOf } from './presence-store';
import { useAwayReasons } from './use-away-reasons';
import { WrapUpCountdown } from './wrap-up-countdown';

const choices: { value: ManualPresence; label: string }[] = [
  { value: 'available', label: 'Available' },
  { value: 'away', label: 'Away' },
  { value: 'dnd', label: 'Do not disturb' },
];

/** The agent's own presence as the companion sees it, the states they may choose, the away reason and wrap-up. */
export function PresencePicker({ staffId }: { staffId: string }) {
  const { feed, presence } = useServices();
  const mine = useStore(presence, selectPresenceOf(staffId));
  const reasons = useAwayReasons();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const choose = async (state: ManualPresence, reasonId?: string) => {
    setPending(true);
    const ack = await feed.setPresence(state, reasonId);
    setPending(false);
    setError(ack.ok ? undefined : ack.error.message);
  };
  const current = mine?.state ?? 'offline';
  return (
    <div className="presence-picker">
      <span className={`presence-dot presence-${current}`} data-presence={current}>
        {presenceText(mine ?? { state: current })}
      </span>
      {current === 'wrap-up' && mine?.wrapUpUntil !== undefined && (
        <WrapUpCountdown until={mine.wrapUpUntil} pending={pending} onReady={() => void choose('available')} />
      )}
      <SegmentedChoice
        label="Set my status"
        value={choices.some((c) => c.value === current) ? (current as ManualPresence) : undefined}
        options={choices}
        onChange={(v) => void choose(v)}
      />
      {current === 'away' && (reasons.data?.length ?? 0) > 0 && (
        <select
          aria-label="Away reason"
          value={mine?.reason?.id ?? ''}
          onChange={(e) => void choose('away', e.target.value || undefined)}
        >
          <option value="">No reason</option>
          {reasons.data!.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      )}
      {mine?.issues?.map((issue) => (
        <p key={issue} role="status" className="presence-issue" data-issue={issue}>
          {healthWords[issue].problem} <strong>{healthWords[issue].fix}</strong>
        </p>
      ))}
      <EnableSoundButton />
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
