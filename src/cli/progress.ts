/** A progress bar on standard error for long runs; silent when stderr is not a terminal. */
import { SingleBar } from 'cli-progress';
import type { ProgressListener } from '../engine/evaluate.js';
import { t } from './lang.js';

export function progressBar(enabled: boolean): { listener: ProgressListener; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { listener: () => {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: ' {bar} {percentage}% | {step} | {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    listener(label, done, total) {
      const step = stepName(label);
      if (!started) {
        bar.start(total, done, { step });
        started = true;
      } else bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * The engine names its steps in English (src/engine/evaluate.ts); the bar shows them in the
 * command line's language. A step this list does not know shows as the engine named it.
 */
export function stepName(label: string): string {
  const named = /^(reading|outcome) (.+)$/.exec(label);
  if (named?.[1] === 'reading') return t('cli.progress.reading', { role: named[2] ?? '' });
  if (named?.[1] === 'outcome') return t('cli.progress.outcome', { outcome: named[2] ?? '' });
  const fixed: Readonly<Record<string, string>> = {
    'participants and eligibility': t('cli.progress.participants'),
    'caps and payments': t('cli.progress.caps'),
    'writing outputs': t('cli.progress.writing'),
    done: t('cli.progress.done'),
  };
  return fixed[label] ?? label;
}
