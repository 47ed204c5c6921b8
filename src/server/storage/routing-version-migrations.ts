/**
 * A version per scope of routing data (`number:<id>`, `org:<id>`), bumped by triggers on every write that can
 * change a decision, whoever writes (the companion, the seed, the admin command, another process on the same
 * file). The route cache compares versions before it answers from memory, so invalidation has one home: here.
 */
type Watch = { table: string; scope: string; columns?: string[] };

const watched: Watch[] = [
  // The number's routing, company or main settings, its display name and its kind.
  { table: 'virtual_numbers', scope: "'number:' || ROW.id" },
  // Staff as routing sees them: who is in the organisation, their names and extensions (not their presence).
  { table: 'staff', scope: "'org:' || ROW.org_id", columns: ['org_id', 'name', 'extension'] },
  { table: 'contact_item_types', scope: "'org:' || ROW.org_id" },
  { table: 'org_settings', scope: "'org:' || ROW.org_id" },
];

const bump = (scope: string) =>
  `INSERT INTO routing_versions (scope, version) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET version = version + 1;`;

function triggers({ table, scope, columns }: Watch): string {
  const at = (row: 'NEW' | 'OLD') => bump(scope.replaceAll('ROW', row));
  // An update counts for the scope it lands in and, when it moves the row, for the one it left.
  const left = columns?.includes('org_id') ? at('OLD') : '';
  return `
    CREATE TRIGGER ${table}_routing_insert AFTER INSERT ON ${table} BEGIN ${at('NEW')} END;
    CREATE TRIGGER ${table}_routing_delete AFTER DELETE ON ${table} BEGIN ${at('OLD')} END;
    CREATE TRIGGER ${table}_routing_update AFTER UPDATE${columns ? ` OF ${columns.join(', ')}` : ''} ON ${table}
      BEGIN ${at('NEW')} ${left} END;`;
}

export const routingVersionMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1101,
    name: 'routing data versions',
    sql: [
      'CREATE TABLE routing_versions (scope TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;',
      ...watched.map(triggers),
    ].join('\n'),
  },
];
