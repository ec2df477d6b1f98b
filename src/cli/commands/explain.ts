/** `resulta explain`: for one participant, each outcome achieved or not, and why. */
import type { Command } from 'commander';
import type { ParticipantExplanation } from '../../engine/explain.js';
import { t } from '../lang.js';
import { type RunOptions, readingNotes, readRunOptions, runOptions } from '../run-options.js';

export function explainCommand(program: Command): void {
  runOptions(
    program
      .command('explain')
      .description(t('cli.explain.description'))
      .requiredOption('--participant <id>', t('cli.explain.option.participant'))
      .option('--json', t('cli.explain.option.json')),
  ).action(async (options: RunOptions & { participant: string; json?: boolean }) => {
    const { explain } = await import('../../engine/explain.js');
    const request = await readRunOptions(options);
    // What the inputs lacked is said on stderr, so that --json stays JSON.
    const result = await explain(request, options.participant, (run) => {
      for (const line of readingNotes(run).warnings) process.stderr.write(`${line}\n`);
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(result, null, 2)}\n` : formatExplanation(result),
    );
  });
}

function formatExplanation(e: ParticipantExplanation): string {
  const lines = [
    `Participant ${e.participantId} (provider ${e.providerId}${e.segment ? `, segment ${e.segment}` : ''})`,
  ];
  if (e.ineligibleBecause) {
    lines.push(`  not eligible: ${e.ineligibleBecause}; no outcome can be achieved`);
  }
  for (const o of e.outcomes) {
    const head = o.achievedOn ? `achieved on ${o.achievedOn}` : 'not achieved';
    lines.push(`  ${o.outcome}: ${head}`);
    for (const reason of o.because) lines.push(`    - ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
