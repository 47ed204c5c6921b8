import type { Db } from '../storage/database';

/** The main number's voicemail PIN, hashed (scrypt). No row: the default PIN applies. */
export interface PinRepo {
  hashOf(boxId: string): string | undefined;
  set(boxId: string, hash: string, at: number): void;
  /** Back to the default PIN. */
  reset(boxId: string): void;
}

export function createPinRepo(db: Db): PinRepo {
  const get = db.prepare('SELECT pin_hash FROM voicemail_pins WHERE box_id = ?').pluck();
  const set = db.prepare(
    'INSERT INTO voicemail_pins (box_id, pin_hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (box_id) DO UPDATE SET pin_hash = excluded.pin_hash, updated_at = excluded.updated_at',
  );
  const reset = db.prepare('DELETE FROM voicemail_pins WHERE box_id = ?');
  return {
    hashOf: (boxId) => (get.get(boxId) as string | undefined) ?? undefined,
    set: (boxId, hash, at) => void set.run(boxId, hash, at),
    reset: (boxId) => void reset.run(boxId),
  };
}
