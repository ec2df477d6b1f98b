/** `resulta audit verify`: checks the hash chain of the audit log; exit 1 when broken. */
import type { Command } from 'commander';

export function auditCommand(program: Command): void {
  program
    .command('audit')
    .description('audit log tools (on RESULTA_DATA, or DATABASE_URL)')
    .command('verify')
    .description(
      'recompute the hash chain of the audit log; exit 1 if any entry was changed or removed',
    )
    .action(async () => {
      const { openStore, storeOptionsFromEnv } = await import('../../store/database.js');
      const { verifyAuditLog } = await import('../../store/audit-log.js');
      const store = await openStore(storeOptionsFromEnv());
      try {
        const check = await verifyAuditLog(store.db);
        if (check.brokenAt === undefined) {
          process.stdout.write(`audit log intact: ${check.entries} entries\n`);
        } else {
          process.stderr.write(
            `audit log broken at entry ${check.brokenAt} (of ${check.entries}): it was changed or an entry before it removed\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        await store.close();
      }
    });
}
