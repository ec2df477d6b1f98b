/**
 * Reads ahead of the people who will ask (docs/decisions.md, "Read ahead"): the dashboard's
 * facts of every programme's latest run when the server is ready, and, when a run succeeds,
 * its dashboard facts and its explanation index. At national scale the first reading of a
 * run's facts scans a million participants and a few million achievements, and its first
 * explanation evaluates the whole snapshot again; without this, the first person to open the
 * dashboard or a participant after a start or a run waits for it.
 */
import type { Store } from '../store/database.js';
import { dashboardFacts, programmesWithRuns } from './dashboard-facts.js';
import { dashboardFigures } from './dashboard-figures.js';
import { indexRunForExplanations } from './explanation-reads.js';
import { runDispatcher } from './run-queue.js';

export interface ReadAhead {
  /** Reads every programme's latest run, in the background. */
  start(): void;
  /** Stops reading ahead; resolves when the reading under way has ended. */
  stop(): Promise<void>;
}

export function keepReadingAhead(store: Store): ReadAhead {
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const later = (work: () => Promise<void>) => {
    queue = queue
      .then(() => (stopped ? undefined : work()))
      .catch((error: unknown) => {
        // A store closed under a reading at shutdown is expected; anything else is worth a line.
        if (!stopped) process.stderr.write(`resulta: reading ahead: ${String(error)}\n`);
      });
  };
  /** The facts and the default view's figures, what the dashboard's first view asks. */
  const readDashboards = async (programmeIds: readonly string[]) => {
    for (const id of programmeIds) {
      if (stopped) return;
      dashboardFigures(await dashboardFacts(store, id));
    }
  };
  const off = runDispatcher(store).onSucceeded((programmeId, runId) => {
    later(() => readDashboards([programmeId]));
    later(() => indexRunForExplanations(store, runId));
  });
  return {
    start: () => later(async () => readDashboards(await programmesWithRuns(store))),
    stop: async () => {
      stopped = true;
      off();
      await queue;
    },
  };
}
