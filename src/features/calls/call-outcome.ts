import type { CallHistoryItem } from '../../common/calls';

export type Outcome = {
  /** The badge: "Answered", "Missed", "Declined", "Refused", "Ringing", "In progress", "Not answered". */
  label: string;
  /** The colour family beside the word (never the only cue). */
  tone: 'ok' | 'missed' | 'declined' | 'refused' | 'live';
  /** What happened, in the reader's words: "You hung up", "Declined by Bob Agent", "Nobody answered". */
  detail: string | null;
};

/** Whoever reads it: "you" for themselves, the name for anyone else. */
const who = (person: { id: string; name: string }, meId: string) => (person.id === meId ? 'you' : person.name);
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function inbound(c: CallHistoryItem, meId: string): Outcome {
  switch (c.state) {
    case 'ringing':
      return { label: 'Ringing', tone: 'live', detail: c.summary };
    case 'answered':
      return {
        label: 'In progress',
        tone: 'live',
        detail: c.answeredBy ? `Answered by ${who(c.answeredBy, meId)}` : null,
      };
    case 'ended': {
      const by = c.answeredBy ? `Answered by ${who(c.answeredBy, meId)}` : 'Answered';
      if (c.outcomeReason === 'Agent hung up' && c.answeredBy)
        return { label: 'Answered', tone: 'ok', detail: `${by} · ${sentence(who(c.answeredBy, meId))} hung up` };
      if (c.outcomeReason === 'Caller hung up')
        return { label: 'Answered', tone: 'ok', detail: `${by} · The caller hung up` };
      return { label: 'Answered', tone: 'ok', detail: c.outcomeReason ? `${by} · ${c.outcomeReason}` : by };
    }
    case 'missed': {
      const decliners = c.rang.filter((r) => r.declined);
      const lastStep = Math.max(...c.rang.map((r) => r.step));
      const lastDeclined = decliners.length > 0 && c.rang.filter((r) => r.step === lastStep).every((r) => r.declined);
      if (lastDeclined) {
        const names = decliners
          .filter((r) => r.step === lastStep)
          .map((r) => who({ id: r.staffId, name: r.name }, meId));
        return {
          label: 'Declined',
          tone: 'declined',
          detail: names.length === 1 && names[0] === 'you' ? 'You declined' : `Declined by ${names.join(' and ')}`,
        };
      }
      return { label: 'Missed', tone: 'missed', detail: c.outcomeReason };
    }
    case 'refused':
      return { label: 'Refused', tone: 'refused', detail: c.outcomeReason };
  }
}

function outbound(c: CallHistoryItem, meId: string): Outcome {
  const agent = c.outbound!.agent;
  switch (c.state) {
    case 'ringing':
      return { label: 'Ringing', tone: 'live', detail: null };
    case 'answered':
      return { label: 'In progress', tone: 'live', detail: null };
    case 'ended':
      if (c.outcomeReason === 'Agent hung up')
        return { label: 'Answered', tone: 'ok', detail: `${sentence(who(agent, meId))} hung up` };
      if (c.outcomeReason === 'Customer hung up') return { label: 'Answered', tone: 'ok', detail: 'They hung up' };
      return { label: 'Answered', tone: 'ok', detail: c.outcomeReason };
    case 'missed':
      return { label: 'Not answered', tone: 'missed', detail: c.outcomeReason };
    case 'refused':
      return { label: 'Refused', tone: 'refused', detail: c.outcomeReason };
  }
}

function internal(c: CallHistoryItem, meId: string): Outcome {
  const ids = c.internal!;
  const caller = { id: ids.callerId, name: c.caller.name ?? c.caller.number };
  const callee = ids.calleeId ? { id: ids.calleeId, name: c.number.displayName } : null;
  const calleeWho = callee ? sentence(who(callee, meId)) : `Extension ${c.number.number}`;
  switch (c.outcomeReason) {
    case 'Caller hung up':
      return { label: 'Answered', tone: 'ok', detail: `${sentence(who(caller, meId))} hung up` };
    case 'Callee hung up':
      return { label: 'Answered', tone: 'ok', detail: `${calleeWho} hung up` };
    case 'Declined':
      return { label: 'Declined', tone: 'declined', detail: `${calleeWho} declined` };
    case 'No such extension':
      return { label: 'Not connected', tone: 'refused', detail: `There is no extension ${c.number.number}` };
    case 'Not signed in':
      return {
        label: 'Not connected',
        tone: 'refused',
        detail: `${calleeWho} ${calleeWho === 'You' ? 'were' : 'is'} not signed in`,
      };
  }
  return {
    label: c.state === 'ended' ? 'Answered' : c.state === 'missed' ? 'Missed' : 'Not connected',
    tone: c.state === 'ended' ? 'ok' : c.state === 'missed' ? 'missed' : 'refused',
    detail: c.outcomeReason,
  };
}

/** A history line's outcome for the person reading it (`meId`): their own part reads "you". */
export function describeOutcome(c: CallHistoryItem, meId: string): Outcome {
  if (c.internal) return internal(c, meId);
  return c.outbound ? outbound(c, meId) : inbound(c, meId);
}
