/**
 * `resulta demo`: the main job on embedded defaults. Writes a synthetic youth employment
 * programme, evaluates it, and prints the summary and what to try next.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_AS_OF } from '../../demo/demo-contract.js';
import { t } from '../lang.js';
import { formatSummary } from '../print-summary.js';
import { readRunOptions } from '../run-options.js';

const MAX_PARTICIPANTS = 5_000_000;

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description(t('cli.demo.description'))
    .option('--dir <dir>', t('cli.demo.option.dir'), 'data/demo')
    .option('--participants <n>', t('cli.demo.option.participants'), '3000')
    .action(async (options: { dir: string; participants: string }) => {
      const participants = Number(options.participants);
      if (!Number.isInteger(participants) || participants < 1 || participants > MAX_PARTICIPANTS) {
        throw new Error(t('cli.demo.participants_range', { max: MAX_PARTICIPANTS }));
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
          const writing = t('cli.demo.writing', { count: participants, dir: options.dir });
          process.stdout.write(`${writing}\n`);
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
      const outputs = `${file('outputs')}/achievements.csv, participants.csv, summary.json`;
      process.stdout.write(`\n${formatSummary(result.summary, currency)}\n
${t('cli.demo.outputs', { files: outputs })}
${t('cli.demo.try_next')}
  npx resulta explain ${args} --participant P0000001
  npx resulta evaluate ${args} --out ${join(dirname(file('.')), `${basename(file('.'))}-again`)}
`);
    });
}
