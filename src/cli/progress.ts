/** A progress bar on standard error for long runs; silent when stderr is not a terminal. */
import { SingleBar } from 'cli-progress';
import type { ProgressListener } from '../engine/evaluate.js';

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
    listener(step, done, total) {
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
