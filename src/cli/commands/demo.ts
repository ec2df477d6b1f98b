/**
 * `resulta demo`: the main job on embedded defaults. Writes a synthetic youth employment
 * programme, evaluates it, and prints the summary and what to try next.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_AS_OF } from '../../demo/demo-contract.js';
import { formatSummary } from '../print-summary.js';
import { readRunOptions } from '../run-options.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('write a synthetic youth employment programme, evaluate it and print the bill')
    .option(
      '--dir <dir>',
      'a new or empty folder for the demo programme and its outputs, or one an earlier demo wrote',
      'data/demo',
    )
    .option('--participants <n>', 'number of participants', '3000')
    .action(async (options: { dir: string; participants: string }) => {
      const participants = Number(options.participants);
      if (!Number.isInteger(participants) || participants < 1 || participants > 5_000_000) {
        throw new Error('--participants must be a whole number from 1 to 5000000');
      }
      const [{ writeDemoProgramme }, { evaluate }, { progressBar }, { writeOutputFolder }] =
        await Promise.all([
          import('../../demo/demo-programme.js'),
          import('../../engine/evaluate.js'),
          import('../progress.js'),
          import('../../files/output-folder.js'),
        ]);
      const progress = progressBar(true);
      // The whole demo folder (programme and outputs) is one Resulta output folder.
      const written = await writeOutputFolder(
        { option: '--dir', path: options.dir, keep: [] },
        async (staging) => {
          process.stdout.write(
            `Writing a demo programme of ${participants} participants to ${options.dir} …\n`,
          );
          const files = await writeDemoProgramme(staging, participants);
          const request = await readRunOptions({ ...files, asOf: DEMO_AS_OF });
          await mkdir(join(staging, 'outputs'));
          const result = await evaluate(request, join(staging, 'outputs'), progress.listener);
          return { result, currency: request.contract.currency };
        },
      ).finally(() => progress.stop());
      const file = (name: string) => join(options.dir, name);
      const args = `--contract ${file('contract.yaml')} --participants ${file('participants.csv')} --events ${file('events.csv')} --employment ${file('employment.csv')} --as-of ${DEMO_AS_OF}`;
      const { result, currency } = written.value;
      process.stdout.write(`\n${formatSummary(result.summary, currency)}\n
Outputs: ${file('outputs')}/achievements.csv, participants.csv, summary.json
Try next:
  npx resulta explain ${args} --participant P0000001
  npx resulta evaluate ${args} --out ${join(dirname(file('.')), `${basename(file('.'))}-again`)}
`);
    });
}
