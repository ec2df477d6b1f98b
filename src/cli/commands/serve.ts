/**
 * `resulta serve` (npm start): the API server on the embedded database under RESULTA_DATA
 * (default ./data), or on DATABASE_URL, seeded with the demo programme when empty.
 */
import type { Command } from 'commander';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (PORT, default 8080); seeds the demo programme into an empty database',
    )
    .option('--no-demo', 'do not seed the demo programme')
    .action(async (options: { demo: boolean }) => {
      const { openStore, storeOptionsFromEnv } = await import('../../store/database.js');
      const { DEMO_USERS, seedDemo } = await import('../../services/demo-seed.js');
      const { buildServer } = await import('../../api/server.js');
      const { serverOptionsFromEnv } = await import('../../api/server-config.js');
      const { logLevelFromEnv } = await import('../../api/log-level.js');
      // Read first, so a bad setting stops the server before it touches the database.
      const serverOptions = { ...serverOptionsFromEnv(), log: { level: logLevelFromEnv() } };
      const store = await openStore(storeOptionsFromEnv());
      if (options.demo) {
        process.stdout.write('Preparing the demo programme (first start only) …\n');
        const password = await seedDemo(store);
        if (password) {
          process.stdout.write(
            `Demo users (password ${password}, also in ${store.dataDir}/demo-password.txt):\n`,
          );
          for (const u of DEMO_USERS) process.stdout.write(`  ${u.role.padEnd(9)} ${u.email}\n`);
        }
      }
      const app = await buildServer(store, serverOptions);
      const port = Number(process.env.PORT ?? 8080);
      await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
      process.stdout.write(`Resulta API on http://127.0.0.1:${port} — /healthz, /openapi.json\n`);
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
