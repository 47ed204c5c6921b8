import { rotationStateSchema, type RotationState } from '../../common/domain/route-decision';
import type { Db } from './database';

/** Where round robin and percentage routing resume for each number. */
export interface RotationRepo {
  get(numberId: string): RotationState | undefined;
  save(numberId: string, state: RotationState, at: number): void;
  /** Forget it (the number's destinations changed, so the old counters no longer line up). */
  reset(numberId: string): void;
}

export function createRotationRepo(db: Db): RotationRepo {
  const get = db.prepare('SELECT state FROM routing_rotation WHERE number_id = ?').pluck();
  const save = db.prepare(`INSERT INTO routing_rotation (number_id, state, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (number_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`);
  const reset = db.prepare('DELETE FROM routing_rotation WHERE number_id = ?');
  return {
    get(numberId) {
      const json = get.get(numberId) as string | undefined;
      return json === undefined ? undefined : rotationStateSchema.parse(JSON.parse(json));
    },
    save: (numberId, state, at) => void save.run(numberId, JSON.stringify(state), at),
    reset: (numberId) => void reset.run(numberId),
  };
}
