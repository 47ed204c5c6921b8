import type { VoicemailMessage } from '../../common/api/voicemail';
import { AppError } from '../../common/errors';
import type { Actor } from '../domain/actor';
import { audibleBoxes, mayHearBox } from '../domain/voicemail-access';
import type { Repos } from '../storage/repos';
import type { MessageStore } from './message-store';
import type { MessageRecord } from './voicemail-repo';

export interface VoicemailPublisher {
  created(staffIds: string[], message: VoicemailMessage): void;
  /** Heard or deleted: the inbox of these staff is stale. */
  changed(staffIds: string[], id: string): void;
}

const missing = () => new AppError('NOT_FOUND', 'No such voicemail message.');

/** The agents' side of voicemail: list, listen, mark heard, delete; always through the one access rule. */
export function createInbox(deps: {
  repos: Repos;
  store: MessageStore;
  publish: VoicemailPublisher;
  now: () => number;
}) {
  const { repos } = deps;

  function view(m: MessageRecord): VoicemailMessage {
    const number = repos.numbers.find(m.orgId, m.boxId);
    return {
      id: m.id,
      boxId: m.boxId,
      number: { id: m.boxId, number: m.number, displayName: number?.displayName || m.number },
      caller: { number: m.caller, name: m.callerName, contactId: m.contactId },
      startedAt: m.startedAt,
      durationMs: m.durationMs,
      heardAt: m.heardAt,
      deleteAfter: m.deleteAfter,
    };
  }

  /** The message if this actor may hear its box; 404 otherwise (another box and another organisation look alike). */
  function audible(actor: Actor, id: string): MessageRecord {
    const m = repos.voicemail.find(actor.orgId, id);
    const number = m ? repos.numbers.find(actor.orgId, m.boxId) : undefined;
    if (!m || !number || !mayHearBox(actor, actor.orgId, number)) throw missing();
    return m;
  }

  /** Everyone of the organisation who may hear this box. */
  function listenersOf(orgId: string, boxId: string): string[] {
    const number = repos.numbers.find(orgId, boxId);
    if (!number) return [];
    return repos.staff
      .listByOrg(orgId)
      .filter((s) => mayHearBox(s, orgId, number))
      .map((s) => s.id);
  }

  return {
    view,
    listenersOf,
    list(actor: Actor): VoicemailMessage[] {
      const boxes = audibleBoxes(actor, actor.orgId, repos.numbers.list(actor.orgId)).map((n) => n.id);
      return repos.voicemail.listBoxes(actor.orgId, boxes).map(view);
    },
    audioPath(actor: Actor, id: string): string {
      return deps.store.pathOf(audible(actor, id).file);
    },
    markHeard(actor: Actor, id: string): VoicemailMessage {
      const m = audible(actor, id);
      repos.voicemail.markHeard(actor.orgId, id, deps.now());
      deps.publish.changed(listenersOf(actor.orgId, m.boxId), id);
      return view(repos.voicemail.find(actor.orgId, id)!);
    },
    remove(actor: Actor, id: string): void {
      const m = audible(actor, id);
      if (!deps.store.remove(actor.orgId, id)) throw missing();
      deps.publish.changed(listenersOf(actor.orgId, m.boxId), id);
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
