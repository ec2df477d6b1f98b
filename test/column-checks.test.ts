/**
 * The two forms of each cell check (src/engine/snapshot/column-checks.ts): the boolean that
 * a scan of millions of rows reads is fine exactly when the problem text is NULL. The
 * engine only builds the problem text for rows the boolean refuses, so this is checked here,
 * on cells built to sit on each side of every condition, with the problem text computed for
 * every cell.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { columnSql } from '../src/engine/snapshot/column-checks.js';
import type { ColumnSpec, ColumnType } from '../src/engine/snapshot/input-tables.js';
import { duckdb as d } from '../src/engine/sql/dialect.js';

const CELLS: Record<ColumnType, string[]> = {
  string: ['A', 'x\u0000y', '007'],
  date: ['2019-02-28', '2019-02-30', '1899-12-31', '1900-01-01', '2100-12-31', '2101-01-01'],
  month: ['2019-12', '2019-13', '2019-1', '1899-12', '1900-01', '2100-12', '2101-01', '2019-00'],
  number: ['1', '-2.5', '.5', '1e3', '1.1234567', '123456789012', '1234567890123', '1.'],
  money: ['0', '1200.50', '1.005', '-1', '-0', '12345678901234567', '1234567890123456.99', 'x'],
  verified: ['true', 'FALSE', 'yes'],
  source: ['admin', 'Admin', 'verifier', 'provider', 'x'],
};
const EVERYWHERE = [null, '', 'a\u0000', '2019', ' 12 '];

describe('each cell check', () => {
  for (const [type, own] of Object.entries(CELLS) as [ColumnType, string[]][]) {
    for (const [required, nul] of [
      [true, true],
      [false, true],
      [true, false],
    ] as const) {
      const form = `${required ? 'required' : 'optional'}${nul ? '' : ', from a file without NUL'}`;
      it(`agrees with its problem text: ${type}, ${form}`, async () => {
        const spec: ColumnSpec = { name: 'c', type, required };
        const sql = columnSql(d, spec, { sql: "NULLIF(trim(raw), '')", name: 't', nul });
        const tests = sql.tests.map(([name, test]) => `, ${test} AS ${name}`).join('');
        const cells = [...own, ...EVERYWHERE].filter((c) => nul || !c?.includes('\u0000'));
        const instance = await DuckDBInstance.create(':memory:');
        const conn = await instance.connect();
        try {
          const reader = await conn.runAndReadAll(
            `SELECT raw, ${sql.ok} AS ok, ${sql.problem} AS problem FROM (
              SELECT *${tests} FROM (SELECT raw, ${sql.text} AS t FROM (
                SELECT unnest(${listOf(cells)}) AS raw)))`,
          );
          const rows = reader.getRowObjectsJS();
          expect(rows).toHaveLength(cells.length);
          for (const row of rows) {
            expect({ raw: row.raw, ok: row.ok }).toEqual({
              raw: row.raw,
              ok: row.problem === null,
            });
          }
          expect(rows.some((r) => r.ok === false)).toBe(true);
          expect(rows.some((r) => r.ok === true)).toBe(true);
        } finally {
          conn.closeSync();
          instance.closeSync();
        }
      });
    }
  }
});

/** A SQL list of the cells; a NUL goes in through chr(0), never inside a literal. */
function listOf(cells: (string | null)[]): string {
  const literal = (c: string) => c.split('\u0000').map(d.string).join(' || chr(0) || ');
  return `[${cells.map((c) => (c === null ? 'NULL' : literal(c))).join(', ')}]::VARCHAR[]`;
}
