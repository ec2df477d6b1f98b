/**
 * Reads ahead of the people who will ask (docs/decisions.md, "Read ahead"): the dashboard's
 * facts and the participants' standings of every programme's latest run when the server is
 * ready, and, when a run succeeds, those of the new run and its explanation index. At national
 * scale each first reading scans a million participants and a few million achievements, and
 * a run's first explanation evaluates the whole snapshot again; without this, the first person
 * to open the dashboard, filter the participants or open one after a start or a run waits.
 */
import type { Store } from '../store/database.js';
import { dashboardFacts, programmesWithRuns } from './dashboard-facts.js';
import { dashboardFigures } from './dashboard-figures.js';
import { indexRunForExplanations } from './explanation-reads.js';
import { latestSucceededRun, standingsOf } from './participant-standings.js';
import { runDispatcher } from './run-queue.js';

export interface ReadAhead {
  /** Reads every programme's latest run, in the background. */
  start(): void;
  /** Stops reading ahead; resolves when the reading under way has ended. */
  stop(): Promise<void>;
  /** Whether a reading is under way or waiting (pages may be slower meanwhile). */
  busy(): boolean;
}

export function keepReadingAhead(store: Store): ReadAhead {
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  const later = (work: () => Promise<void>) => {
    waiting += 1;
    queue = queue
      .then(() => (stopped ? undefined : work()))
      .catch((error: unknown) => {
        // A store closed under a reading at shutdown is expected; anything else is worth a line.
        if (!stopped) process.stderr.write(`resulta: reading ahead: ${String(error)}\n`);
      })
      .finally(() => {
        waiting -= 1;
      });
  };
  /**
   * The dashboard's facts and its default view, what its first view asks, then the run's
   * standings, what the participant list's first filter on the run asks.
   */
  const readProgrammes = async (programmeIds: readonly string[]) => {
    for (const id of programmeIds) {
      if (stopped) return;
      dashboardFigures(await dashboardFacts(store, id));
      const run = await latestSucceededRun(store, id);
      if (run && !stopped) await standingsOf(store, id, run);
    }
  };
  const off = runDispatcher(store).onSucceeded((programmeId, runId) => {
    later(() => readProgrammes([programmeId]));
    later(() => indexRunForExplanations(store, runId));
  });
  return {
    start: () => later(async () => readProgrammes(await programmesWithRuns(store))),
    stop: async () => {
      stopped = true;
      off();
      await queue;
    },
    busy: () => waiting > 0,
  };
}
