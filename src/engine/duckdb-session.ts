/**
 * One in-memory DuckDB database per run: nothing of a run outlives it, and large inputs
 * spill to a temporary folder instead of failing. Work may run on connections of its own
 * beside the main one (`concurrently`).
 *
 * Closing a connection or the database while a statement still runs on it crashes or hangs
 * the process (a failed run gave a segmentation fault or a hang one time in three). So the
 * session counts the calls in flight on each connection, and `close` refuses new statements,
 * interrupts the running ones, waits until everything has settled, and only then closes.
 * `withSession` closes whatever happens, so no caller has to remember.
 *
 * @example
 *   const total = await withSession(async (session) => {
 *     const check = session.concurrently((conn) => conn.run('SELECT …'));
 *     await session.conn.run('CREATE TABLE …');   // if this fails, `check` is interrupted
 *     return await check;                          // and awaited before the database closes
 *   });
 */
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from './duckdb-library.js';

export interface DuckDBSession {
  /** The main connection. */
  readonly conn: DuckDBConnection;
  /** Tasks started with `concurrently` that have not settled yet. */
  readonly running: number;
  /**
   * Runs `work` on a connection of its own while the main connection goes on, and returns
   * its result. If the session closes first, the work's statements are interrupted, and
   * it is refused new ones, so it ends with an error soon; the close waits for it.
   */
  concurrently<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Refuses new statements, interrupts the running ones, waits for them, then closes. */
  close(): Promise<void>;
}

/** Opens a session, runs `work` in it and closes it, whether `work` succeeds or fails. */
export async function withSession<T>(work: (session: DuckDBSession) => Promise<T>): Promise<T> {
  const session = await openSession();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** Opens a session; the caller must `await session.close()`. Prefer `withSession`. */
export async function openSession(): Promise<DuckDBSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: tmpdir(),
    preserve_insertion_order: 'true',
  });
  const state = new SessionState();
  const raw = [await instance.connect()];
  let tasks = 0;
  let closed: Promise<void> | undefined;
  return {
    conn: state.guard(raw[0] as DuckDBConnection),
    get running() {
      return tasks;
    },
    concurrently(work) {
      state.refuseIfClosing('concurrently');
      tasks++;
      const task = (async () => {
        const connecting = instance.connect().then((c) => {
          raw.push(c);
          return c;
        });
        state.track(null, connecting); // a close waits for it, then closes it with the others
        const conn = await connecting;
        state.refuseIfClosing('concurrently');
        const working = work(state.guard(conn));
        state.track(conn, working);
        return working;
      })();
      task.then(
        () => tasks--,
        () => tasks--,
      );
      return task;
    },
    close() {
      closed ??= state.settle().then(() => {
        for (const c of raw) c.closeSync();
        instance.closeSync();
      });
      return closed;
    },
  };
}

/** What runs on which connection, and whether the session still takes statements. */
class SessionState {
  private closing = false;
  /** Each call or task in flight, and the connection to interrupt to stop it (if any). */
  private readonly inFlight = new Map<Promise<unknown>, DuckDBConnection | null>();

  /**
   * The connection as callers see it: every call that returns a promise is tracked until
   * it settles, and once the session closes every call but `interrupt` is refused.
   * A Proxy keeps the DuckDBConnection type, so the engine's SQL functions take either.
   */
  guard(conn: DuckDBConnection): DuckDBConnection {
    return new Proxy(conn, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key !== 'interrupt') this.refuseIfClosing(String(key));
          const result: unknown = value.apply(target, args);
          if (result instanceof Promise) this.track(target, result);
          return result;
        };
      },
    });
  }

  refuseIfClosing(what: string): void {
    if (this.closing) throw new Error(`the DuckDB session is closing: ${what} refused`);
  }

  track(conn: DuckDBConnection | null, work: Promise<unknown>): void {
    this.inFlight.set(work, conn);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
  }

  /**
   * Stops taking statements and waits until nothing runs. Interrupts are repeated while
   * work remains, since one that lands between two statements, or before a statement has
   * reached DuckDB, stops nothing.
   */
  async settle(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) {
      for (const conn of new Set(this.inFlight.values())) conn?.interrupt();
      await Promise.race([Promise.allSettled(this.inFlight.keys()), delay(20)]);
    }
  }
}
