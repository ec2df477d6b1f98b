/** `resulta audit verify`: checks the hash chain of the audit log; exit 1 when broken. */
import type { Command } from 'commander';
import { t } from '../lang.js';

export function auditCommand(program: Command): void {
  program
    .command('audit')
    .description(t('cli.audit.description'))
    .command('verify')
    .description(t('cli.audit.verify.description'))
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
        process.stdout.write(`${t('cli.audit.intact', { entries: check.entries })}\n`);
        return;
      }
      const lines = check.breaks.map((b) => {
        const what = [
          b.contentChanged ? t('cli.audit.changed') : '',
          b.linkBroken ? t('cli.audit.unlinked') : '',
        ];
        // The entry id is a database key, not a quantity: never grouped.
        const entry = t('cli.audit.entry', {
          id: String(b.id),
          what: what.filter(Boolean).join('; '),
        });
        return `  ${entry}\n`;
      });
      const broken = t('cli.audit.broken', { broken: check.breaks.length, entries: check.entries });
      process.stderr.write(`${broken}\n${lines.join('')}`);
      // Set after the store is closed: closing the embedded database resets the exit code.
      process.exitCode = 1;
    });
}
