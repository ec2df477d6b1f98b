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
      let check: Awaited<ReturnType<typeof verifyAuditLog>>;
      try {
        check = await verifyAuditLog(store.db);
      } finally {
        await store.close();
      }
      if (check.breaks.length === 0) {
        process.stdout.write(`audit log intact: ${check.entries} entries\n`);
        return;
      }
      const lines = check.breaks.map((b) => {
        const what = [
          b.contentChanged ? 'changed after it was written' : '',
          b.linkBroken ? 'does not follow the entry before it (one was removed or inserted)' : '',
        ];
        return `  entry ${b.id}: ${what.filter(Boolean).join('; ')}\n`;
      });
      process.stderr.write(
        `audit log broken at ${check.breaks.length} of ${check.entries} entries:\n${lines.join('')}`,
      );
      // Set after the store is closed: closing the embedded database resets the exit code.
      process.exitCode = 1;
    });
}
