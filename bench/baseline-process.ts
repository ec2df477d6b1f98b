/**
 * The hand-written baseline as its own process, for comparing with `resulta evaluate` run
 * fresh: Node's start, loading DuckDB and the SQL, nothing else. Prints the achievements.
 * Usage: node dist/bench/baseline-process.js <participants> <events> <employment> <out.csv>
 */
import { openSession } from '../src/engine/duckdb-session.js';
import { runBaseline } from './baseline.js';

const [participants, events, employment, out] = process.argv.slice(2);
if (!participants || !events || !employment || !out) {
  throw new Error('usage: baseline-process <participants> <events> <employment> <out.csv>');
}
const session = await openSession();
try {
  const count = await runBaseline(session.conn, { participants, events, employment }, out);
  process.stdout.write(`${count}\n`);
} finally {
  session.close();
}
