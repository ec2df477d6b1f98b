/**
 * The employment months reader (src/engine/person-months.ts) keeps one DuckDB database open
 * for the server's life: its answers for every person in generated datasets are the sums a
 * reader of the rows would make, whichever order the reads come in and however many at once;
 * closing it under reads leaves nothing running, and a read after it is refused.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSession } from '../src/engine/duckdb-session.js';
import { openPersonMonthsReader, type PersonMonth } from '../src/engine/person-months.js';
import { tempDir } from './support/run-engine.js';

interface Row {
  readonly person: string;
  readonly month: string;
  readonly employer: string;
  readonly cents: number;
}

const rowArb = fc.record({
  person: fc.constantFrom('K1', 'K2', 'K3', 'K4'),
  month: fc.constantFrom('2019-01', '2019-02', '2019-11', '2020-06'),
  employer: fc.constantFrom('E1', 'E2', 'E3'),
  cents: fc.integer({ min: 0, max: 10_000_000 }),
});

/** Writes rows as a stored dataset is written: canonical columns, sorted by person key. */
async function datasetOf(rows: readonly Row[], path: string): Promise<void> {
  await withSession(async ({ conn }) => {
    await conn.run(
      'CREATE TABLE e (person_key VARCHAR, month VARCHAR, employer_id VARCHAR, earnings DECIMAL(21,2))',
    );
    for (const r of rows)
      await conn.run('INSERT INTO e VALUES ($1, $2, $3, CAST($4 AS DECIMAL(21,2)) / 100)', [
        r.person,
        r.month,
        r.employer,
        r.cents,
      ]);
    await conn.run(
      `COPY (SELECT * FROM e ORDER BY person_key) TO '${path}' (FORMAT PARQUET, ROW_GROUP_SIZE 2)`,
    );
  });
}

/** The months of `person`, summed here in integer cents. */
function expected(rows: readonly Row[], person: string): PersonMonth[] {
  const byMonth = new Map<string, { cents: number; employers: Set<string> }>();
  for (const r of rows.filter((x) => x.person === person)) {
    const m = byMonth.get(r.month) ?? { cents: 0, employers: new Set<string>() };
    m.cents += r.cents;
    m.employers.add(r.employer);
    byMonth.set(r.month, m);
  }
  return [...byMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      earnings: `${Math.floor(m.cents / 100)}.${String(m.cents % 100).padStart(2, '0')}`,
      employers: m.employers.size,
    }));
}

describe('employment months reader', () => {
  it('answers every person as the rows sum, reads at once and in any order', async () => {
    const dir = await tempDir();
    const reader = openPersonMonthsReader();
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rowArb, { maxLength: 30 }),
          fc.array(rowArb, { maxLength: 10 }),
          fc.shuffledSubarray(['K1', 'K2', 'K3', 'K4', 'K9']),
          async (first, second, people) => {
            // Two datasets in force: a person's months are summed over both.
            const files = [join(dir, `a${n}.parquet`), join(dir, `b${n}.parquet`)];
            n += 1;
            await datasetOf(first, files[0] as string);
            await datasetOf(second, files[1] as string);
            const answers = await Promise.all(people.map((p) => reader.read(files, p)));
            people.forEach((p, i) => {
              expect(answers[i]).toEqual(expected([...first, ...second], p));
            });
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await reader.close();
    }
  });

  it('closes under reads without leaving one running, and refuses reads afterwards', async () => {
    const dir = await tempDir();
    const file = join(dir, 'e.parquet');
    await datasetOf([{ person: 'K1', month: '2019-01', employer: 'E1', cents: 150 }], file);
    const reader = openPersonMonthsReader();
    expect(await reader.read([file], 'K1')).toEqual([
      { month: '2019-01', earnings: '1.50', employers: 1 },
    ]);
    const reads = Array.from({ length: 20 }, () => reader.read([file], 'K1'));
    await reader.close();
    // Each read under way either finished with the answer or was refused: none hangs.
    for (const read of await Promise.allSettled(reads)) {
      if (read.status === 'fulfilled') expect(read.value[0]?.earnings).toBe('1.50');
      else expect(String(read.reason)).toMatch(/closing|interrupt/i);
    }
    await expect(reader.read([file], 'K1')).rejects.toThrow(/closed/);
  });
});
