import { ZodError } from 'zod';
import { isExposed, loadConfig, type Config } from './config';
import { startCompanion } from './companion';
import { lockDemoPasswords } from './seed/demo-guard';
import { seedDemo } from './seed/seed';

// Everything the companion writes (database, WAL, logs it opens) is for its own user only.
process.umask(0o077);

// A bug in one listener or an unawaited promise is logged; it never ends the calls of everyone else.
process.on('unhandledRejection', (reason) => console.error('[companion] unhandled rejection (survived):', reason));
process.on('uncaughtException', (err) => console.error('[companion] uncaught exception (survived):', err));

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    const lines =
      err instanceof ZodError ? err.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`) : [`  ${String(err)}`];
    console.error(`[companion] refusing to start, the configuration is not valid:\n${lines.join('\n')}`);
    process.exit(2);
  }
}

const config = configOrExit();
const exposed = isExposed(config);
if (exposed && process.env.SEED_DEMO === 'true') {
  console.error(
    '[companion] refusing to start: SEED_DEMO would publish the demo passwords, and PUBLIC_ORIGINS or HOST is reachable from other machines.',
  );
  console.error('[companion] unset SEED_DEMO and create the first admin with `npm run admin:create`.');
  process.exit(2);
}
const companion = await startCompanion(config);
if (exposed) {
  const locked = await lockDemoPasswords(companion.repos);
  if (locked.length)
    console.warn(
      `[companion] locked ${locked.length} demo account(s) still using the published password: ${locked.join(', ')}`,
    );
} else if (process.env.SEED_DEMO === 'true' && (await seedDemo(companion.repos))) {
  console.log('[companion] seeded the demo organisation');
}
console.log(`[companion] listening on ${companion.url} (database ${config.databasePath})`);

const stop = async (signal: string) => {
  console.log(`[companion] ${signal}: closing`);
  await companion.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
