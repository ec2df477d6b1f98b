/**
 * A fault switch for tests only: `RESULTA_TEST_FAULT=<phase>[:<action>]` makes a run fail,
 * crash or hang when it reaches that phase, so tests can prove that a failed run ends cleanly.
 * It is honoured only when `NODE_ENV=test`; anywhere else `injectFault` does nothing.
 *
 *   RESULTA_TEST_FAULT=rules            a statement fails where the rules run (exit 1)
 *   RESULTA_TEST_FAULT=rules:crash      the process aborts there (SIGABRT), as a native crash would
 *   RESULTA_TEST_FAULT=write:hang       the run never goes on from there (a stuck run)
 *
 * New phases are added to `FaultPhase` and called where they happen; nothing else changes.
 */
import type { DuckDBSession } from './duckdb-session.js';

/** Where a run can be made to fail: reading and checking inputs, rules, cap pass, outputs. */
export type FaultPhase = 'read' | 'rules' | 'cap-pass' | 'write';
export type FaultAction = 'fail' | 'crash' | 'hang';

const PHASES: readonly FaultPhase[] = ['read', 'rules', 'cap-pass', 'write'];
const ACTIONS: readonly FaultAction[] = ['fail', 'crash', 'hang'];

export interface Fault {
  readonly phase: FaultPhase;
  readonly action: FaultAction;
}

/** The fault the environment asks for, or null outside tests or when none is set. */
export function requestedFault(env: NodeJS.ProcessEnv = process.env): Fault | null {
  const setting = env.RESULTA_TEST_FAULT;
  if (env.NODE_ENV !== 'test' || !setting) return null;
  const [phase, action = 'fail'] = setting.split(':');
  if (!PHASES.includes(phase as FaultPhase) || !ACTIONS.includes(action as FaultAction)) {
    throw new Error(
      `RESULTA_TEST_FAULT="${setting}": expected <phase>[:<action>] with phase one of ${PHASES.join(', ')} and action one of ${ACTIONS.join(', ')}`,
    );
  }
  return { phase: phase as FaultPhase, action: action as FaultAction };
}

/**
 * Fails, crashes or hangs here if the environment asks for it at `phase`. In a session, the
 * failure is a statement that fails on the main connection, as a contract's bad SQL would,
 * and the message says how many concurrent tasks were still running at that moment.
 */
export async function injectFault(phase: FaultPhase, session?: DuckDBSession): Promise<void> {
  const fault = requestedFault();
  if (fault?.phase !== phase) return;
  if (fault.action === 'crash') process.abort();
  if (fault.action === 'hang') {
    // A timer keeps the process alive, as a stuck statement would; the promise never settles.
    setInterval(() => {}, 60_000);
    return new Promise<never>(() => {});
  }
  const running = session ? ` (concurrent tasks running: ${session.running})` : '';
  const message = `injected test fault at ${phase}${running}`;
  if (session) await session.conn.run(`SELECT error('${message}')`);
  throw new Error(message);
}
