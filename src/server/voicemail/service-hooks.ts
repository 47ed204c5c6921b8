import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMulaw, encodeMulaw } from '../../common/audio/g711';
import { parseWav, wavSamples } from '../../common/audio/wav';
import { DEFAULT_VOICEMAIL_PIN } from '../../common/domain/main-number';
import { toE164 } from '../../common/domain/phone-number';
import { AppError } from '../../common/errors';
import type { BoxInfo, PortalLogin, PortalLoginResult, PortalPrompt } from '../../common/voicemail-hooks';
import { verifyPassword } from '../auth/passwords';
import type { Repos } from '../storage/repos';
import { pcmuOf, speak, spokenPcmu } from './audio-tools';
import { defaultGreetingText, findBox } from './boxes';
import type { Greetings } from './greetings';
import type { Inbox, VoicemailPublisher } from './inbox';
import type { MessageStore } from './message-store';

const prompts: Record<PortalPrompt, string> = {
  'enter-pin': 'Please enter your voicemail PIN, followed by the hash key.',
  'wrong-pin': 'That PIN is not correct.',
  goodbye: 'Goodbye.',
  'no-messages': 'You have no new messages.',
  'next-message': 'New message.',
  'end-of-messages': 'End of new messages.',
  'unknown-box': 'There is no voicemail box for this number.',
};

/** What the voicemail service asks the companion for (see src/common/voicemail-hooks.ts). */
export function createServiceHooks(deps: {
  repos: Repos;
  dir: string;
  greetings: Greetings;
  store: MessageStore;
  inbox: Inbox;
  publish: VoicemailPublisher;
  maxSeconds: number;
  now: () => number;
}) {
  const { repos } = deps;
  const speechDir = join(deps.dir, 'speech');
  const noBox = (boxId: string) => new AppError('NOT_FOUND', `No voicemail box ${boxId}.`);

  /** The main number's box of the organisation the caller reaches the portal through. */
  function portalBox(who: PortalLogin['who']): { orgId: string; boxId: string } | undefined {
    let orgId: string | undefined;
    if (who.kind === 'extension') {
      orgId = repos.db.prepare('SELECT org_id FROM staff WHERE extension = ?').pluck().get(who.extension) as
        string | undefined;
    } else {
      const e164 = toE164(who.number.startsWith('+') ? who.number : `+${who.number}`);
      const found = e164 ? repos.numbers.findByE164(e164) : undefined;
      orgId = found?.number.kind === 'main' ? found.orgId : undefined;
    }
    const main = orgId ? repos.numbers.list(orgId).find((n) => n.kind === 'main') : undefined;
    return orgId && main ? { orgId, boxId: main.id } : undefined;
  }

  return {
    box(boxId: string): BoxInfo {
      const box = findBox(repos, boxId);
      if (!box) throw noBox(boxId);
      return {
        boxId,
        orgId: box.orgId,
        displayName: box.number.displayName || box.number.number,
        maxSeconds: deps.maxSeconds,
      };
    },
    async greeting(boxId: string): Promise<Uint8Array> {
      const box = findBox(repos, boxId);
      if (!box) throw noBox(boxId);
      const chosen = box.number.kind === 'standard' ? box.number.routing.voicemail.greeting : null;
      const greeting = chosen ? repos.greetings.find(box.orgId, chosen) : undefined;
      if (greeting) {
        const path = deps.greetings.pathOf(greeting.file);
        // A spoken greeting's audio is derived from its text: rendered again when missing (seeded greetings).
        if (!existsSync(path) && greeting.source === 'text' && greeting.text) await speak(greeting.text, path);
        if (existsSync(path)) return pcmuOf(path);
      }
      return spokenPcmu(speechDir, defaultGreetingText(box.number));
    },
    prompt: (name: PortalPrompt) => spokenPcmu(speechDir, prompts[name]),
    async portalLogin(body: PortalLogin): Promise<PortalLoginResult> {
      const box = portalBox(body.who);
      if (!box) return { ok: false, reason: 'no-box' };
      const hash = repos.pins.hashOf(box.boxId);
      const right = hash ? await verifyPassword(body.pin, hash) : body.pin === DEFAULT_VOICEMAIL_PIN;
      if (!right) return { ok: false, reason: 'wrong-pin' };
      return {
        ok: true,
        boxId: box.boxId,
        messages: repos.voicemail.unheard(box.orgId, box.boxId).map((m) => ({ id: m.id, durationMs: m.durationMs })),
      };
    },
    /** A message's audio as PCMU, for the portal; only messages of a main-number box. */
    messageAudio(boxId: string, id: string): Uint8Array {
      const box = findBox(repos, boxId);
      const m = box ? repos.voicemail.find(box.orgId, id) : undefined;
      if (!box || box.number.kind !== 'main' || !m || m.boxId !== boxId)
        throw new AppError('NOT_FOUND', 'No such voicemail message.');
      const wav = parseWav(readFileSync(deps.store.pathOf(m.file)));
      if (!wav) throw new AppError('INTERNAL', 'The message file is unreadable.');
      return encodeMulaw(wavSamples(wav, decodeMulaw));
    },
    heard(boxId: string, id: string): void {
      const box = findBox(repos, boxId);
      if (!box || box.number.kind !== 'main' || !repos.voicemail.find(box.orgId, id))
        throw new AppError('NOT_FOUND', 'No such voicemail message.');
      repos.voicemail.markHeard(box.orgId, id, deps.now());
      deps.publish.changed(deps.inbox.listenersOf(box.orgId, boxId), id);
    },
  };
}
export type ServiceHooks = ReturnType<typeof createServiceHooks>;
