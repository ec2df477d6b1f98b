/** The demo programme's files: a few thousand participants over three providers, as CSV. */
import { openSession } from '../engine/duckdb-session.js';
import { type ProgrammeFiles, writeProgramme } from './synthetic-programme.js';

export async function writeDemoProgramme(
  dir: string,
  participants: number,
): Promise<ProgrammeFiles> {
  const session = await openSession();
  try {
    return await writeProgramme(session.conn, dir, {
      participants,
      others: participants,
      providers: 3,
      seed: 2018,
      format: 'csv',
    });
  } finally {
    await session.close();
  }
}
