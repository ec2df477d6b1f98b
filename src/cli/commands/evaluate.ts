/** `resulta evaluate`: run a contract over input files and write the outputs atomically. */
import type { Command } from 'commander';
import { t } from '../lang.js';
import {
  CSV_BOM_OPTION,
  CSV_DELIMITER_OPTION,
  FORMAT_OPTION,
  type OutputOptions,
  readOutputOptions,
  shapeOutputs,
} from '../output-options.js';
import { formatSummary } from '../print-summary.js';
import { type RunOptions, readingNotes, readRunOptions, runOptions } from '../run-options.js';

export function evaluateCommand(program: Command): void {
  runOptions(
    program
      .command('evaluate')
      .description(t('cli.evaluate.description'))
      .requiredOption('--out <dir>', t('cli.evaluate.option.out'))
      .option('--quiet', t('cli.evaluate.option.quiet'))
      .addOption(FORMAT_OPTION)
      .addOption(CSV_BOM_OPTION)
      .addOption(CSV_DELIMITER_OPTION),
  ).action(async (options: RunOptions & OutputOptions & { out: string; quiet?: boolean }) => {
    const [{ evaluate }, { progressBar }, { writeOutputFolder }] = await Promise.all([
      import('../../engine/evaluate.js'),
      import('../progress.js'),
      import('../../files/output-folder.js'),
    ]);
    const request = await readRunOptions(options);
    const wanted = readOutputOptions(options);
    const progress = progressBar(!options.quiet);
    try {
      const keep = (['contract', 'participants', 'events', 'employment'] as const).flatMap(
        (role) => {
          const path = options[role];
          return path === undefined ? [] : [{ option: `--${role}`, path }];
        },
      );
      const written = await writeOutputFolder(
        { option: '--out', path: options.out, keep },
        async (staging) => {
          const result = await evaluate(request, staging, progress.listener);
          await shapeOutputs(staging, wanted);
          return result;
        },
      );
      const result = written.value;
      progress.stop();
      if (written.leftOver)
        process.stderr.write(
          `The previous outputs were kept in ${written.leftOver}: a file appeared in them during the run.\n`,
        );
      const notes = readingNotes(result);
      // Warnings are loud: on stderr when nothing else is printed.
      if (options.quiet) for (const line of notes.warnings) process.stderr.write(`${line}\n`);
      if (!options.quiet) {
        const lines = [...notes.read, ...notes.warnings];
        if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n\n`);
        process.stdout.write(
          `${formatSummary(result.summary, request.contract.currency)}\n\nOutputs written to ${options.out}\n`,
        );
      }
    } finally {
      progress.stop();
    }
  });
}
