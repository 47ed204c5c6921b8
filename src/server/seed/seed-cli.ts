import { loadConfig } from '../config';
import { openDatabase } from '../storage/database';
import { createRepos } from '../storage/repos';
import { seedDemo } from './seed';

/** `npm run seed`: seeds the demo organisation into the configured database if it is empty. */
const config = loadConfig();
const repos = createRepos(openDatabase(config.databasePath));
console.log(
  (await seedDemo(repos))
    ? `seeded the demo organisation into ${config.databasePath}`
    : 'the database already has an organisation; nothing seeded',
);
repos.db.close();
