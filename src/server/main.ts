import { loadConfig } from './config';
import { startCompanion } from './companion';
import { seedDemo } from './seed/seed';

const config = loadConfig();
const companion = await startCompanion(config);
if (process.env.SEED_DEMO === 'true' && (await seedDemo(companion.repos))) console.log('[companion] seeded the demo organisation');
console.log(`[companion] listening on ${companion.url} (database ${config.databasePath})`);

const stop = async (signal: string) => {
  console.log(`[companion] ${signal}: closing`);
  await companion.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
