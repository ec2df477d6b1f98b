/**
 * The byte scan that lets the cell checks skip trimming and the NUL search
 * (src/engine/snapshot/csv-bytes.ts): it may only say "no space" or "no NUL" when no cell
 * has one, and a file read that way gives the same cells as one read the slow way.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../src/engine/duckdb-session.js';
import { scanCsvBytes } from '../src/engine/snapshot/csv-bytes.js';
import { openInput } from '../src/engine/snapshot/load-input.js';
import { duckdb } from '../src/engine/sql/dialect.js';
import { tempDir } from './support/run-engine.js';

async function scan(text: string | Buffer) {
  const path = join(await tempDir(), 'x.csv');
  await writeFile(path, text);
  return scanCsvBytes(path);
}

describe('scanning a CSV file for spaces and NUL', () => {
  it('ignores the header line, and nothing else', async () => {
    expect(await scan('person key,month\nK1,2019-01\n')).toEqual({ spaces: false, nul: false });
    expect(await scan('a,b\nK 1,2019-01\n')).toEqual({ spaces: true, nul: false });
    expect(await scan('a,b\r"K1 ",2019-01\r')).toEqual({ spaces: true, nul: false });
    expect(await scan('a,b\nK\u00001,2019-01\n')).toEqual({ spaces: false, nul: true });
    expect(await scan('a b,c')).toEqual({ spaces: true, nul: false });
  });

  it('finds a space far into a large file', async () => {
    const rows = 'K1,2019-01,E1,100.00\n'.repeat(400_000);
    expect(await scan(`h\n${rows}K2, 2019-01,E1,1\n`)).toEqual({ spaces: true, nul: false });
    expect(await scan(`h\n${rows}`)).toEqual({ spaces: false, nul: false });
  });
});

describe('a file without spaces', () => {
  it('reads the same cells as one with spaces around them', async () => {
    const dir = await tempDir();
    const plain = 'person_key,month,employer_id,earnings\nK1,2019-01,E1,100.5\n"",2019-02,,7\n';
    const spaced =
      'person_key,month,employer_id,earnings\n K1 ,2019-01 , E1,100.5 \n"  ", 2019-02,,7\n';
    const read = async (text: string) => {
      const path = join(dir, 'employment.csv');
      await writeFile(path, text);
      const session = await openSession();
      try {
        await openInput(session.conn, duckdb, 'employment', path, 'employment.csv', {
          everyColumn: true,
        });
        const reader = await session.conn.runAndReadAll(
          'SELECT __ord, person_key, month, employer_id, earnings, __ok, __problem FROM input_employment ORDER BY __ord',
        );
        return reader.getRowObjectsJS();
      } finally {
        await session.close();
      }
    };
    const fast = await read(plain);
    expect(fast).toHaveLength(2);
    expect(fast[1]?.__problem).toBe(
      'person_key\tis empty; expected a value\nemployer_id\tis empty; expected a value',
    );
    expect(await read(spaced)).toEqual(fast);
  });
});
