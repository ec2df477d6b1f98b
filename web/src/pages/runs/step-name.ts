/**
 * The engine names a run's steps in English (src/engine/evaluate.ts, services/run-queue.ts);
 * the page shows them in the reader's language, with the command line's own words for the
 * steps it shares. A step this list does not know shows as the engine named it.
 */
import type { Messages } from '../../i18n/use-messages.js';

export function stepName(step: string, t: Messages['t']): string {
  const named = /^(reading|outcome) (.+)$/.exec(step);
  if (named?.[1] === 'reading') return t('cli.progress.reading', { role: named[2] ?? '' });
  if (named?.[1] === 'outcome') return t('cli.progress.outcome', { outcome: named[2] ?? '' });
  switch (step) {
    case 'exporting the snapshot':
      return t('web.runs.step.snapshot');
    case 'participants and eligibility':
      return t('cli.progress.participants');
    case 'caps and payments':
      return t('cli.progress.caps');
    case 'writing outputs':
      return t('cli.progress.writing');
    case 'done':
      return t('cli.progress.done');
    default:
      return step;
  }
}
