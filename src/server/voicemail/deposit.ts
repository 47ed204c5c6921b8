import { parseWav, wavDurationMs } from '../../common/audio/wav';
import { samePhoneNumber } from '../../common/domain/phone-number';
import { AppError } from '../../common/errors';
import type { NewMessageQuery } from '../../common/voicemail-hooks';
import type { Repos } from '../storage/repos';
import { findBox, keepMs } from './boxes';
import type { Inbox, VoicemailPublisher } from './inbox';
import type { MessageStore } from './message-store';

/** Messages shorter than this much sound are hang-ups, not messages. */
export const MIN_SOUND_MS = 1000;

/**
 * A message the voicemail service recorded: checked, stored (file and row together), and pushed to
 * everyone who may hear the box.
 */
export function createDeposit(deps: {
  repos: Repos;
  store: MessageStore;
  inbox: Inbox;
  publish: VoicemailPublisher;
  now: () => number;
}) {
  return (q: NewMessageQuery, body: Uint8Array): { stored: true; id: string } | { stored: false; reason: string } => {
    const box = findBox(deps.repos, q.boxId);
    if (!box) throw new AppError('NOT_FOUND', `No voicemail box ${q.boxId}.`);
    const wav = parseWav(body);
    if (!wav || wav.format !== 'pcm16' || wav.sampleRate !== 8000 || wav.channels !== 1)
      throw new AppError('INVALID_INPUT', 'body: expected an 8 kHz mono 16-bit WAV', ['body']);
    if (q.soundMs < MIN_SOUND_MS) return { stored: false, reason: 'shorter than 1 s of sound: a hang-up' };
    const { orgId, number } = box;
    const contact = deps.repos.contacts
      .list(orgId, { phone: q.caller })
      .filter(
        (c) =>
          samePhoneNumber(c.primaryPhone, q.caller) ||
          c.additionalPhones.some((p) => samePhoneNumber(p.number, q.caller)),
      )
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    const record = deps.store.add(
      {
        orgId,
        boxId: number.id,
        callId: q.callId,
        number: number.number,
        caller: q.caller,
        callerName: contact?.name ?? null,
        contactId: contact?.id ?? null,
        startedAt: q.startedAt,
        durationMs: wavDurationMs(wav),
        heardAt: null,
        deleteAfter: q.startedAt + keepMs(number),
        createdAt: deps.now(),
      },
      body,
    );
    deps.publish.created(deps.inbox.listenersOf(orgId, number.id), deps.inbox.view(record));
    return { stored: true, id: record.id };
  };
}
