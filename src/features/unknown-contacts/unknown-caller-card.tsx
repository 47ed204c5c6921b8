import type { NotificationView } from '../../common/notifications';
import { PhoneNumber, RelativeTime, useFormats } from '../../components/format';
import { Button } from '../../components/ui/button';
import { kindLabel } from './format';

type Props = {
  n: NotificationView;
  busy: boolean;
  onClaim(): void;
  onCallBack(): void;
  onTextBack(): void;
  onOpen(): void;
  canCall: boolean;
};

/** One unclaimed caller: who, which number, when, how many agents it rang, the number's source and tag. */
export function UnknownCallerCard({ n, busy, onClaim, onCallBack, onTextBack, onOpen, canCall }: Props) {
  const last = n.texts.at(-1);
  const formats = useFormats();
  return (
    <li
      className={`unknown-caller${n.read ? '' : ' unread'}`}
      data-notification-id={n.id}
      aria-label={`${kindLabel[n.kind]} from ${formats.phone(n.caller)}`}
      onFocus={onOpen}
      onMouseEnter={onOpen}
    >
      <div className="row">
        <strong data-testid="caller">
          <PhoneNumber value={n.caller} />
        </strong>
        <span className="muted">{kindLabel[n.kind]}</span>
        <RelativeTime at={n.createdAt} />
      </div>
      <div className="muted">
        to <span data-testid="called-number">{n.number.displayName}</span>
        {n.kind === 'missed-call' && <> · rang {n.ringAttempts === 1 ? '1 agent' : `${n.ringAttempts} agents`}</>}
        {' · '}source {n.source} · tag {n.tag}
      </div>
      {last && (
        <p className="text-preview" data-testid="text-preview">
          {last.body}
        </p>
      )}
      <div className="row">
        <Button tone="primary" disabled={busy} onClick={onClaim}>
          Claim
        </Button>
        <Button disabled={busy || !canCall} onClick={onCallBack}>
          Call back
        </Button>
        <Button disabled={busy} onClick={onTextBack}>
          Text back
        </Button>
      </div>
    </li>
  );
}
