/**
 * `resulta verify-pack PACK.zip`: re-runs an evidence pack in a temporary folder and says
 * whether every output matches its manifest (exit 0), or where the first difference is
 * (exit 1). A file that is no pack, or a pack whose inputs do not evaluate, is exit 1 with
 * the reason. The work is services/pack-verification.ts.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { formatProblem, ProblemsError } from '../../domain/problem.js';
import { currentLocale, t } from '../lang.js';

export function verifyPackCommand(program: Command): void {
  program
    .command('verify-pack')
    .description(t('output.verify.description'))
    .argument('<pack>', t('output.verify.argument'))
    .option('--quiet', t('output.verify.quiet'))
    .action(async (pack: string, options: { quiet?: boolean }) => {
      const [{ verifyPack, PackRefusal }, { progressBar }] = await Promise.all([
        import('../../services/pack-verification.js'),
        import('../progress.js'),
      ]);
      const name = basename(pack);
      const progress = progressBar(!options.quiet);
      try {
        const verdict = await verifyPack(pack, { onProgress: progress.listener });
        progress.stop();
        process.stdout.write(`${verdictText(name, verdict)}\n`);
        if (!verdict.ok) process.exitCode = 1;
      } catch (error) {
        progress.stop();
        if (error instanceof PackRefusal) {
          const reason = formatProblem(error.problem, currentLocale());
          process.stderr.write(`${t('output.pack.refused', { file: name, reason })}\n`);
        } else if (error instanceof ProblemsError) {
          const lines = error.problems.map((p) => `  ${formatProblem(p, currentLocale())}`);
          process.stderr.write(
            `${t('output.verify.rerun_problems', { pack: name })}\n${lines.join('\n')}\n`,
          );
        } else throw error;
        process.exitCode = 1;
      }
    });
}

type Verdict = Awaited<
  ReturnType<typeof import('../../services/pack-verification.js')['verifyPack']>
>;

/** The pass line, or the first difference with the first differing line of a text file. */
function verdictText(pack: string, verdict: Verdict): string {
  if (verdict.ok)
    return t('output.verify.pass', {
      pack,
      count: String(verdict.outputs.length),
      files: verdict.outputs.join(', '),
    });
  const d = verdict.difference;
  const head = t(
    d.stage === 'pack' ? 'output.verify.pack_mismatch' : 'output.verify.rerun_mismatch',
    {
      pack,
      file: d.file,
      expected: d.expected,
      actual: d.actual,
    },
  );
  if (!d.line) return head;
  const shown = (text: string | null) => text ?? t('output.verify.no_line');
  return [
    head,
    `  ${t('output.verify.first_line', { line: String(d.line.number) })}`,
    `    ${t('output.verify.in_pack', { text: shown(d.line.pack) })}`,
    `    ${t('output.verify.in_rerun', { text: shown(d.line.rerun) })}`,
  ].join('\n');
}
