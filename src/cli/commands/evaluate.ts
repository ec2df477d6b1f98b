/** `resulta evaluate`: run a contract over input files and write the outputs atomically. */
import type { Command } from 'commander';
import { withStagingDir } from '../../files/atomic-dir.js';
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
        'folder for the outputs; it appears (or is replaced) only when every file is complete',
      )
      .option('--quiet', 'print nothing but errors'),
  ).action(async (options: RunOptions & { out: string; quiet?: boolean }) => {
    const [{ evaluate }, { progressBar }] = await Promise.all([
      import('../../engine/evaluate.js'),
      import('../progress.js'),
    ]);
    const request = await readRunOptions(options);
    const progress = progressBar(!options.quiet);
    try {
      const result = await withStagingDir(options.out, (staging) =>
        evaluate(request, staging, progress.listener),
      );
      progress.stop();
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
