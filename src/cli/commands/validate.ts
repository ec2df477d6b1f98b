/** `resulta validate`: check a contract file and list every problem with line and column. */
import type { Command } from 'commander';

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a contract file; exit 0 when valid, else list every problem and exit 1')
    .argument('<contract>', 'the contract (YAML)')
    .action(async (path: string) => {
      const { readContractFile } = await import('../read-contract-file.js');
      const { contract } = await readContractFile(path);
      const amendments = contract.amendments.length;
      process.stdout.write(
        `${path}: valid — ${contract.versions[0]?.outcomes.length} outcomes, ${amendments} amendment${amendments === 1 ? '' : 's'}\n`,
      );
    });
}
