/**
 * Keeps the dashboard's facts read ahead of their readers (docs/decisions.md, "Dashboard facts
 * read ahead"): every programme's latest run when the server is ready, and a programme's new
 * run as soon as it succeeds. At national scale the first reading scans a million participants
 * and a few million achievements; without this, the first person to open the dashboard after a
 * start or a run waits for it.
 */
import type { Store } from '../store/database.js';
import { warmDashboardFacts } from './dashboard-facts.js';
import { runDispatcher } from './run-queue.js';

export interface DashboardWarming {
  /** Reads every programme's latest run, in the background. */
  start(): void;
  /** Stops reading ahead; resolves when the reading under way has ended. */
  stop(): Promise<void>;
}

export function keepDashboardsWarm(store: Store): DashboardWarming {
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const warm = (ids: readonly string[] | 'all') => {
    queue = queue
      .then(() => warmDashboardFacts(store, ids, () => stopped))
      .catch((error: unknown) => {
        // A store closed under a reading at shutdown is expected; anything else is worth a line.
        if (!stopped) process.stderr.write(`resulta: dashboard facts: ${String(error)}\n`);
      });
  };
  const off = runDispatcher(store).onSucceeded((programmeId) => warm([programmeId]));
  return {
    start: () => warm('all'),
    stop: async () => {
      stopped = true;
      off();
      await queue;
    },
  };
}
