import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Repos } from '../storage/repos';
import type { MessageRecord } from './voicemail-repo';

/**
 * Message files and rows move together. A new message is written to a temporary file, then its row is
 * inserted and the file renamed into place inside one transaction: a failed write leaves no row, a failed
 * insert or rename leaves no file. Deletion removes the row first (the database settles who deleted it),
 * then the file. A crash between the two is repaired at start-up by `reconcile`.
 */
export function createMessageStore(repos: Repos, dir: string) {
  const messagesDir = join(dir, 'messages');
  const pathOf = (file: string) => join(messagesDir, file);

  return {
    pathOf,
    add(fields: Omit<MessageRecord, 'id' | 'file'>, wav: Uint8Array): MessageRecord {
      const id = randomUUID();
      const file = `${fields.orgId}/${id}.wav`;
      const final = pathOf(file);
      const tmp = `${final}.part`;
      mkdirSync(join(messagesDir, fields.orgId), { recursive: true });
      writeFileSync(tmp, wav, { flag: 'wx' });
      const record: MessageRecord = { ...fields, id, file };
      try {
        repos.transaction(() => {
          repos.voicemail.insert(record);
          renameSync(tmp, final);
        });
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      return record;
    },
    /** Removes row then file; false when the row was already gone. */
    remove(orgId: string, id: string): boolean {
      const found = repos.voicemail.find(orgId, id);
      if (!found || !repos.voicemail.remove(orgId, id)) return false;
      rmSync(pathOf(found.file), { force: true });
      return true;
    },
    /** Rows whose file is missing are dropped; files (and leftovers) without a row older than a minute are removed. */
    reconcile(): { rows: number; files: number } {
      // File ages are read on the file system's clock (the real one), whatever clock the business rules use.
      const now = Date.now();
      let rows = 0;
      let files = 0;
      const known = repos.voicemail.files();
      for (const file of known) {
        if (existsSync(pathOf(file))) continue;
        const [orgId, name] = file.split('/');
        if (orgId && name && repos.voicemail.remove(orgId, name.replace(/\.wav$/, ''))) rows++;
      }
      if (!existsSync(messagesDir)) return { rows, files };
      for (const org of readdirSync(messagesDir)) {
        const orgDir = join(messagesDir, org);
        if (!statSync(orgDir).isDirectory()) continue;
        for (const name of readdirSync(orgDir)) {
          const path = join(orgDir, name);
          if (known.has(relative(messagesDir, path)) || now - statSync(path).mtimeMs < 60_000) continue;
          rmSync(path, { force: true });
          files++;
        }
      }
      return { rows, files };
    },
  };
}
export type MessageStore = ReturnType<typeof createMessageStore>;
