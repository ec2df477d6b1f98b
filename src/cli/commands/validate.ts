/** `resulta validate`: check a contract file and list every problem with line and column. */
import type { Command } from 'commander';
import { t } from '../lang.js';

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description(t('cli.validate.description'))
    .argument('<contract>', t('cli.validate.contract'))
    .action(async (path: string) => {
      const { readContractFile } = await import('../read-contract-file.js');
      const { contract } = await readContractFile(path);
      const valid = t('cli.validate.valid', {
        file: path,
        outcomes: contract.versions[0]?.outcomes.length ?? 0,
        amendments: contract.amendments.length,
      });
      process.stdout.write(`${valid}\n`);
    });
}
