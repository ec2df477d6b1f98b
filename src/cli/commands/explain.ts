/** `resulta explain`: for one participant, each outcome achieved or not, and why. */
import type { Command } from 'commander';
import { sayIneligibility, sayReason } from '../../domain/explain/reason.js';
import type { ParticipantExplanation } from '../../engine/explain.js';
import { currentLocale, t } from '../lang.js';
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
      options.json ? `${JSON.stringify(worded(result), null, 2)}\n` : formatExplanation(result),
    );
  });
}

/** The explanation as JSON: each reason worded in the command line's language, with its code. */
function worded(e: ParticipantExplanation) {
  return {
    ...e,
    outcomes: e.outcomes.map((o) => ({
      ...o,
      because: o.because.map((r) => sayReason(r, currentLocale())),
      because_codes: o.because.map((r) => r.code),
    })),
  };
}

function formatExplanation(e: ParticipantExplanation): string {
  const who = { participant: e.participantId, provider: e.providerId };
  const lines = [
    e.segment
      ? t('cli.explain.participant_segment', { ...who, segment: e.segment })
      : t('cli.explain.participant', who),
  ];
  if (e.ineligibleBecause) {
    const why = sayIneligibility(e.ineligibleBecause, currentLocale());
    lines.push(`  ${t('cli.explain.not_eligible', { why })}`);
  }
  for (const o of e.outcomes) {
    const head = o.achievedOn
      ? t('cli.explain.achieved_on', { outcome: o.outcome, day: o.achievedOn })
      : t('cli.explain.not_achieved', { outcome: o.outcome });
    lines.push(`  ${head}`);
    for (const reason of o.because) lines.push(`    - ${sayReason(reason, currentLocale())}`);
  }
  return `${lines.join('\n')}\n`;
}
