import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { newStaffSchema } from '../../common/api/staff';
import { passwordProblem } from '../../common/domain/password-policy';
import { hashPassword } from '../auth/passwords';
import { openDatabase } from '../storage/database';
import { createRepos } from '../storage/repos';

/**
 * `npm run admin:create -- --email you@example.com --name "Your Name" --org "Your Company" [--extension 1000]`
 * creates an organisation and its first admin in the database the companion uses (DATABASE_PATH). The
 * password is read from ADMIN_PASSWORD or asked for; it must pass the password rules.
 */
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    org: { type: 'string' },
    extension: { type: 'string' },
  },
});
const fail = (message: string): never => {
  console.error(`admin:create: ${message}`);
  process.exit(1);
};
if (!values.email || !values.name || !values.org)
  fail('usage: npm run admin:create -- --email <email> --name <name> --org <organisation> [--extension <digits>]');

let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = (await rl.question('Password for the new admin (at least 12 characters): ')).trim();
  rl.close();
}
const parsed = newStaffSchema.safeParse({
  name: values.name,
  email: values.email,
  role: 'admin',
  extension: values.extension ?? null,
  password,
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
const input = parsed.data!;
const problem = passwordProblem(input.password, input.email);
if (problem) fail(`password: ${problem}`);

process.umask(0o077);
const databasePath = process.env.DATABASE_PATH ?? '.run/switchboard.sqlite';
const repos = createRepos(openDatabase(databasePath));
if (repos.staff.findByEmail(input.email)) fail(`${input.email} already has an account`);
const orgId = `org-${randomUUID()}`;
const staffId = `staff-${randomUUID()}`;
const passwordHash = await hashPassword(input.password);
try {
  repos.transaction(() => {
    repos.orgs.insert({ id: orgId, name: values.org! });
    repos.staff.insert({
      id: staffId,
      orgId,
      name: input.name,
      email: input.email,
      role: 'admin',
      extension: input.extension,
      passwordHash,
    });
    const after = { name: input.name, email: input.email, role: 'admin', extension: input.extension };
    repos.changes.record({
      orgId,
      entity: 'staff',
      entityId: staffId,
      section: 'profile',
      summary: `Added ${input.name} (admin)`,
      before: null,
      after,
      by: { id: staffId, name: input.name },
      at: Date.now(),
    });
  });
} catch (err) {
  fail(String((err as Error).message));
}
repos.db.close();
console.log(`created organisation "${values.org}" and its admin ${input.email} in ${databasePath}`);
