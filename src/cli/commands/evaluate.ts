/** `resulta evaluate`: run a contract over input files and write the outputs atomically. */
import type { Command } from 'commander';
import { formatSummary } from '../print-summary.js';
import { type RunOptions, readRunOptions, runOptions } from '../run-options.js';

export function evaluateCommand(program: Command): void {
  runOptions(
    program
      .command('evaluate')
      .description(
        'evaluate a contract over participants, events and employment records as of a day, and write achievements.csv, participants.csv and summary.json',
      )
      .requiredOption(
        '--out <dir>',
        'a new or empty folder for the outputs, or one an earlier run wrote; it appears (or is replaced) only when every file is complete',
      )
      .option('--quiet', 'print nothing but errors'),
  ).action(async (options: RunOptions & { out: string; quiet?: boolean }) => {
    const [{ evaluate }, { progressBar }, { writeOutputFolder }] = await Promise.all([
      import('../../engine/evaluate.js'),
      import('../progress.js'),
      import('../../files/output-folder.js'),
    ]);
    const request = await readRunOptions(options);
    const progress = progressBar(!options.quiet);
    try {
      const keep = (['contract', 'participants', 'events', 'employment'] as const).map((role) => ({
        option: `--${role}`,
        path: options[role],
      }));
      const written = await writeOutputFolder(
        { option: '--out', path: options.out, keep },
        (staging) => evaluate(request, staging, progress.listener),
      );
      const result = written.value;
      progress.stop();
      if (written.leftOver)
        process.stderr.write(
          `The previous outputs were kept in ${written.leftOver}: a file appeared in them during the run.\n`,
        );
      if (!options.quiet) {
        process.stdout.write(
          `${formatSummary(result.summary, request.contract.currency)}\n\nOutputs written to ${options.out}\n`,
        );
      }
    } finally {
      progress.stop();
    }
  });
}
