/**
 * The byte scan that lets the cell checks skip trimming and the NUL search
 * (src/engine/snapshot/csv-bytes.ts): it may only say "no space" or "no NUL" when no cell
 * has one, and a file read that way gives the same cells as one read the slow way. Only the
 * start of a large file is scanned before it is read; the rest, as it is hashed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../src/engine/duckdb-session.js';
import { scanCsvBytes } from '../src/engine/snapshot/csv-bytes.js';
import { openInput } from '../src/engine/snapshot/load-input.js';
import { duckdb } from '../src/engine/sql/dialect.js';
import { tempDir } from './support/run-engine.js';

async function scan(text: string | Buffer): Promise<{ spaces: boolean; nul: boolean }> {
  const path = join(await tempDir(), 'x.csv');
  await writeFile(path, text);
  const { spaces, nul } = await scanCsvBytes(path);
  return { spaces, nul };
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

  it('says when it stopped before the end', async () => {
    const path = join(await tempDir(), 'x.csv');
    await writeFile(path, `h\n${'K1,2019-01\n'.repeat(200_000)}K 2,2019-01\n`);
    expect(await scanCsvBytes(path, 1 << 20)).toEqual({
      spaces: false,
      nul: false,
      complete: false,
    });
    expect(await scanCsvBytes(path)).toEqual({ spaces: true, nul: false, complete: true });
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
    expect(fast[1]?.__problem).toEqual([
      { col: 'person_key', fault: { code: 'input.cell.empty', value: null } },
      { col: 'employer_id', fault: { code: 'input.cell.empty', value: null } },
    ]);
    expect(await read(spaced)).toEqual(fast);
  });
});

describe('a large file whose first megabytes have no space and no NUL', () => {
  // Past START_BYTES (8 MB), so the cells are first converted on the start's word alone.
  const rows = 'K1,2019-01,E1,100.00\n'.repeat(450_000);
  const header = 'person_key,month,employer_id,earnings\n';

  async function lastRows(tail: string) {
    const path = join(await tempDir(), 'employment.csv');
    await writeFile(path, `${header}${rows}${tail}`);
    const session = await openSession();
    try {
      const loaded = await openInput(session.conn, duckdb, 'employment', path, 'employment.csv', {
        everyColumn: true,
      });
      const reader = await session.conn.runAndReadAll(
        'SELECT person_key, month, employer_id, earnings, __ok FROM input_employment WHERE __ord >= 450000 ORDER BY __ord',
      );
      return { problems: loaded.problems, rows: reader.getRowObjectsJS() };
    } finally {
      await session.close();
    }
  }

  it('is converted again when a space turns up further on', async () => {
    const read = await lastRows(' K2 , 2019-02 ,E1 , 7.50 \n');
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { person_key: 'K2', month: 24229, employer_id: 'E1', earnings: 750n, __ok: true },
    ]);
  });

  it('is converted again when a NUL turns up further on', async () => {
    const read = await lastRows('K\u00002,2019-02,E1,7.50\n');
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]?.__ok).toBe(false);
  });
});
