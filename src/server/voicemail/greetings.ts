import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  GREETING_MAX_BYTES,
  GREETING_MAX_SECONDS,
  greetingNameSchema,
  spokenGreetingInputSchema,
  type Greeting,
} from '../../common/api/voicemail';
import { AppError } from '../../common/errors';
import { assertAdmin, type Actor } from '../domain/actor';
import type { Repos } from '../storage/repos';
import { convertUpload, speak } from './audio-tools';
import type { GreetingRecord } from './greeting-repo';

const view = ({ orgId: _o, file: _f, ...g }: GreetingRecord): Greeting => g;

/**
 * The organisation's greeting recordings: uploads converted to 8 kHz PCMU, or text spoken by espeak-ng. The
 * file is written first and the row inserted after; a failed conversion saves nothing. A greeting a number
 * uses cannot be deleted.
 */
export function createGreetings(deps: { repos: Repos; dir: string; now: () => number }) {
  const { repos } = deps;
  const pathOf = (file: string) => join(deps.dir, 'greetings', file);

  async function save(
    actor: Actor,
    name: string,
    source: Greeting['source'],
    text: string | null,
    render: (out: string) => Promise<{ durationMs: number }>,
  ) {
    if (repos.greetings.list(actor.orgId).some((g) => g.name.toLowerCase() === name.toLowerCase())) {
      throw new AppError('CONFLICT', 'name: A greeting with this name exists already', ['name']);
    }
    const id = randomUUID();
    const file = `${actor.orgId}/${id}.wav`;
    const { durationMs } = await render(pathOf(file));
    const record: GreetingRecord = {
      id,
      orgId: actor.orgId,
      name,
      source,
      text,
      file,
      durationMs,
      createdAt: deps.now(),
    };
    try {
      repos.greetings.insert(record);
    } catch (err) {
      rmSync(pathOf(file), { force: true });
      if (String(err).includes('UNIQUE'))
        throw new AppError('CONFLICT', 'name: A greeting with this name exists already', ['name']);
      throw err;
    }
    return view(record);
  }

  return {
    pathOf,
    list: (actor: Actor) => repos.greetings.list(actor.orgId).map(view),
    async upload(actor: Actor, rawName: unknown, bytes: Uint8Array): Promise<Greeting> {
      assertAdmin(actor, 'manage greetings');
      const name = greetingNameSchema.parse(rawName ?? '');
      if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'file: Choose an audio file to upload', ['file']);
      if (bytes.length > GREETING_MAX_BYTES)
        throw new AppError('INVALID_INPUT', `file: Greeting files are up to ${GREETING_MAX_BYTES / 1024 / 1024} MB`, [
          'file',
        ]);
      return save(actor, name, 'upload', null, (out) => convertUpload(bytes, out, GREETING_MAX_SECONDS));
    },
    async spoken(actor: Actor, body: unknown): Promise<Greeting> {
      assertAdmin(actor, 'manage greetings');
      const input = spokenGreetingInputSchema.parse(body);
      return save(actor, input.name, 'text', input.text, async (out) => {
        const spokenAudio = await speak(input.text, out);
        if (spokenAudio.durationMs > GREETING_MAX_SECONDS * 1000) {
          rmSync(out, { force: true });
          throw new AppError('INVALID_INPUT', `text: Spoken greetings are up to ${GREETING_MAX_SECONDS / 60} minutes`, [
            'text',
          ]);
        }
        return spokenAudio;
      });
    },
    remove(actor: Actor, id: string): void {
      assertAdmin(actor, 'manage greetings');
      const found = repos.greetings.find(actor.orgId, id);
      if (!found) throw new AppError('NOT_FOUND', 'No such greeting.');
      const user = repos.numbers
        .list(actor.orgId)
        .find((n) => n.kind === 'standard' && n.routing.voicemail.greeting === id);
      if (user)
        throw new AppError(
          'CONFLICT',
          `${user.displayName || user.number} plays this greeting; choose another there first`,
        );
      if (repos.greetings.remove(actor.orgId, id)) rmSync(pathOf(found.file), { force: true });
    },
  };
}
export type Greetings = ReturnType<typeof createGreetings>;
