// The bulk of the large organisation, by bulk SQL (one INSERT … SELECT per table over a counter, inside the caller's
// transaction): contacts, bindings and call records with their offers. Who and which number each row names is
// picked from the organisation's staff and numbers by position, from two temporary tables filled first.
import type { Db } from '../../src/server/storage/database';

const DAY = 86_400_000;

export type BulkRows = { contacts: number; bindings: number; calls: number };

/** Rows `0 … count - 1` as `n(i)`. */
const counter = 'WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count)';
/** The contacts' phones (six digits of their own): the same in every organisation. */
export const contactPhoneSql = (i: string) => `'+447900' || printf('%06d', ${i})`;

/** Call `i`: its kind (0-6 answered, 7-8 missed, 9 refused), when it started and the agent it rang. */
const callsOfCounter = `SELECT i, i % 10, @now - ${30 * DAY} + i * ${30 * DAY} / @count, s.id
  FROM n JOIN temp.bench_staff s ON s.k = (i * 13) % @staff`;
const callId = `@org || '-call-' || printf('%07d', i)`;

const statements = {
  contacts: `${counter}
    INSERT INTO contacts (id, org_id, name, primary_phone, primary_agent_id, source, created_at, updated_at)
    SELECT @org || '-contact-' || printf('%06d', i), @org, 'Customer ' || printf('%06d', i), ${contactPhoneSql('i')},
      CASE WHEN i % 10 = 0 THEN NULL ELSE s.id END, 'Website', @now - (i % 365) * ${DAY}, @now - (i % 365) * ${DAY}
    FROM n JOIN temp.bench_staff s ON s.k = i % @staff`,
  // One contact in five has a second phone; one in three a tag.
  phones: `${counter}
    INSERT INTO contact_phones (contact_id, position, number)
    SELECT @org || '-contact-' || printf('%06d', i), 0, '+447901' || printf('%06d', i) FROM n WHERE i % 5 = 0`,
  tags: `${counter}
    INSERT INTO contact_tags (contact_id, tag, position)
    SELECT @org || '-contact-' || printf('%06d', i), 'buyer', 0 FROM n WHERE i % 3 = 0`,
  // Sticky and engagement alternate, one binding per (kind, caller), each caller on one number; one in 20 expired.
  bindings: `${counter}, b(i, last) AS (
      SELECT i, @now - (CASE WHEN i % 20 = 0 THEN 30 ELSE i % 10 END) * ${DAY} FROM n)
    INSERT INTO bindings (org_id, kind, number_id, caller, staff_id, last_interaction_at, expires_at)
    SELECT @org, CASE i % 2 WHEN 0 THEN 'sticky' ELSE 'engagement' END, v.id, ${contactPhoneSql('i / 2')}, s.id,
      last, last + 14 * ${DAY}
    FROM b JOIN temp.bench_numbers v ON v.k = (i / 2) % @numbers JOIN temp.bench_staff s ON s.k = (i / 2 * 7) % @staff`,
  // Finished calls spread evenly over the last 30 days: seven in ten answered and ended, two missed, one refused.
  calls: `${counter}, c(i, kind, started, staff) AS (${callsOfCounter})
    INSERT INTO calls (id, org_id, number_id, number, caller, caller_name, state, plan, summary, step, answered_by,
      outcome_reason, started_at, answered_at, ended_at)
    SELECT ${callId}, @org, v.id, v.number, ${contactPhoneSql('(i * 7) % @contacts')}, NULL,
      CASE WHEN kind <= 6 THEN 'ended' WHEN kind = 9 THEN 'refused' ELSE 'missed' END,
      '{"rings":[' || CASE WHEN kind = 9 THEN '' ELSE '{"targets":[{"kind":"staff","staffId":"' || staff ||
        '","reason":"Rings first"}],"timeoutSeconds":20}' END || '],"onNoAnswer":{"kind":"missed","reason":"Nobody answered"}}',
      CASE WHEN kind = 9 THEN 'All lines busy' ELSE 'Rings ' || staff END,
      CASE WHEN kind = 9 THEN 0 ELSE 1 END,
      CASE WHEN kind <= 6 THEN staff END,
      CASE WHEN kind <= 6 THEN 'Caller hung up' WHEN kind = 9 THEN 'All lines busy' ELSE 'Nobody answered' END,
      started,
      CASE WHEN kind <= 6 THEN started + 4000 END,
      CASE WHEN kind <= 6 THEN started + 34000 + (i % 300) * 1000 WHEN kind = 9 THEN NULL ELSE started + 20000 END
    FROM c JOIN temp.bench_numbers v ON v.k = i % @numbers`,
  // Every call but a refused one rang its agent once.
  offers: `${counter}, c(i, kind, started, staff) AS (${callsOfCounter})
    INSERT INTO call_offers (call_id, staff_id, step, reason, offered_at)
    SELECT ${callId}, staff, 0, 'Rings first', started FROM c WHERE kind != 9`,
};

/**
 * Writes the organisation's contacts, bindings and call history, naming `staffIds` and `numbers` (id and E.164) by
 * position. Runs inside the caller's transaction.
 */
export function writeBulkRows(
  db: Db,
  orgId: string,
  sizes: BulkRows,
  picks: { staffIds: string[]; numbers: { id: string; number: string }[] },
  now: number,
): void {
  db.exec(`CREATE TEMP TABLE bench_staff (k INTEGER PRIMARY KEY, id TEXT NOT NULL);
    CREATE TEMP TABLE bench_numbers (k INTEGER PRIMARY KEY, id TEXT NOT NULL, number TEXT NOT NULL);`);
  const staff = db.prepare('INSERT INTO temp.bench_staff (k, id) VALUES (?, ?)');
  picks.staffIds.forEach((id, k) => staff.run(k, id));
  const numbers = db.prepare('INSERT INTO temp.bench_numbers (k, id, number) VALUES (?, ?, ?)');
  picks.numbers.forEach((n, k) => numbers.run(k, n.id, n.number));
  const common = { org: orgId, now, staff: picks.staffIds.length, numbers: picks.numbers.length };
  const run = (sql: string, count: number, more: Record<string, number> = {}) =>
    db.prepare(sql).run({ ...common, count, ...more });
  run(statements.contacts, sizes.contacts);
  run(statements.phones, sizes.contacts);
  run(statements.tags, sizes.contacts);
  run(statements.bindings, sizes.bindings);
  run(statements.calls, sizes.calls, { contacts: sizes.contacts });
  run(statements.offers, sizes.calls);
  db.exec('DROP TABLE temp.bench_staff; DROP TABLE temp.bench_numbers;');
}
