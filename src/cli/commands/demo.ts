/**
 * `resulta demo`: the main job on embedded defaults. Writes a synthetic youth employment
 * programme, evaluates it, and prints the summary and what to try next.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_AS_OF } from '../../demo/demo-contract.js';
import { withStagingDir } from '../../files/atomic-dir.js';
import { formatSummary } from '../print-summary.js';
import { readRunOptions } from '../run-options.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('write a synthetic youth employment programme, evaluate it and print the bill')
    .option('--dir <dir>', 'folder for the demo programme and its outputs', 'data/demo')
    .option('--participants <n>', 'number of participants', '3000')
    .action(async (options: { dir: string; participants: string }) => {
      const participants = Number(options.participants);
      if (!Number.isInteger(participants) || participants < 1 || participants > 5_000_000) {
        throw new Error('--participants must be a whole number from 1 to 5000000');
      }
      const [{ writeDemoProgramme }, { evaluate }, { progressBar }] = await Promise.all([
        import('../../demo/demo-programme.js'),
        import('../../engine/evaluate.js'),
        import('../progress.js'),
      ]);
      process.stdout.write(
        `Writing a demo programme of ${participants} participants to ${options.dir} …\n`,
      );
      const files = await writeDemoProgramme(options.dir, participants);
      const run = {
        contract: files.contract,
        participants: files.participants,
        events: files.events,
        employment: files.employment,
        asOf: DEMO_AS_OF,
      };
      const request = await readRunOptions(run);
      const out = join(options.dir, 'outputs');
      const progress = progressBar(true);
      const result = await withStagingDir(out, (staging) =>
        evaluate(request, staging, progress.listener),
      ).finally(() => progress.stop());
      const args = `--contract ${files.contract} --participants ${files.participants} --events ${files.events} --employment ${files.employment} --as-of ${DEMO_AS_OF}`;
      process.stdout.write(`\n${formatSummary(result.summary, request.contract.currency)}\n
Outputs: ${out}/achievements.csv, participants.csv, summary.json
Try next:
  npx resulta explain ${args} --participant P0000001
  npx resulta evaluate ${args} --out ${options.dir}/again
`);
    });
}
