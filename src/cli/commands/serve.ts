/**
 * `resulta serve`: the API server and the web app on the embedded database under
 * RESULTA_DATA (default ./data), or on DATABASE_URL. With `--demo` (what `npm start`
 * passes) it first seeds the demo programme, into an empty database only: a database
 * holding anything else is refused, untouched, and the server does not start. Without it,
 * a database with no administrator yet gets the command that invites the first one.
 */
import { type Command, Option } from 'commander';
import { t } from '../lang.js';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(t('admin.cli.serve.description'))
    .option('--demo', t('admin.cli.serve.option.demo'))
    // Accepted as before --demo was asked for, and still the default.
    .addOption(new Option('--no-demo').hideHelp())
    .action(async (options: { demo?: boolean }) => {
      const { openStore, storeOptionsFromEnv } = await import('../../store/database.js');
      const { buildServer } = await import('../../api/server.js');
      const { serverOptionsFromEnv } = await import('../../api/server-config.js');
      const { logLevelFromEnv } = await import('../../api/log-level.js');
      // Read first, so a bad setting stops the server before it touches the database.
      const serverOptions = { ...serverOptionsFromEnv(), log: { level: logLevelFromEnv() } };
      const store = await openStore(storeOptionsFromEnv());
      const ready = options.demo ? await seedTheDemo(store) : await adviseFirstAdministrator(store);
      if (!ready) {
        await store.close();
        // Set after the store is closed: closing the embedded database resets the exit code.
        process.exitCode = 1;
        return;
      }
      const app = await buildServer(store, serverOptions);
      const port = Number(process.env.PORT ?? 8080);
      await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
      process.stdout.write(
        `${t('admin.cli.serve.listening', { url: `http://127.0.0.1:${port}` })}\n`,
      );
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

type Store = Awaited<ReturnType<typeof import('../../store/database.js').openStore>>;

/** Seeds the demo into an empty store; false (with the reason on stderr) for any other. */
async function seedTheDemo(store: Store): Promise<boolean> {
  const { DEMO_USERS, seedDemo } = await import('../../services/demo-seed.js');
  const { join } = await import('node:path');
  const file = join(store.dataDir, 'demo-password.txt');
  process.stdout.write(`${t('admin.cli.serve.seeding')}\n`);
  const seeding = await seedDemo(store);
  if (seeding.seeded) {
    process.stdout.write(
      `${t('admin.cli.serve.demo_users', { password: seeding.password, file })}\n`,
    );
    for (const u of DEMO_USERS) process.stdout.write(`  ${u.role.padEnd(9)} ${u.email}\n`);
    return true;
  }
  if (seeding.reason === 'present') {
    process.stdout.write(`${t('admin.cli.serve.demo_present', { file })}\n`);
    return true;
  }
  const { holds } = seeding;
  process.stderr.write(
    `resulta: ${t('admin.cli.serve.not_empty', {
      programmes: holds.programmes.join(', ') || '0',
      organisations: holds.organisations,
      users: holds.users,
      invitations: holds.invitations,
    })}\n`,
  );
  return false;
}

/** Says how to invite the first administrator while the installation has none. */
async function adviseFirstAdministrator(store: Store): Promise<boolean> {
  const { platformAdministrator } = await import('../../services/first-administrator.js');
  if ((await platformAdministrator(store)) === null)
    process.stdout.write(`${t('admin.cli.serve.no_administrator')}\n`);
  return true;
}
