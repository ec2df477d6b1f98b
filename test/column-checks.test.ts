/**
 * The two forms of each cell check (src/engine/snapshot/column-checks.ts): the boolean that
 * a scan of millions of rows reads is fine exactly when the problem is NULL. The
 * engine only builds the problem for rows the boolean refuses, so this is checked here,
 * on cells built to sit on each side of every condition, with the problem computed for
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
  month: [
    ...['2019-12', '2019-13', '2019-1', '1899-12', '1900-01', '2100-12', '2101-01', '2019-00'],
    // Months typed as dates: the 1st is the month, any other day is not.
    ...['2019-12-01', '2019-12-15', '1899-12-01', '2019-13-01', '2019-12-1', '2019-12-01x'],
  ],
  number: [
    ...['1', '-2.5', '.5', '1e3', '1.1234567', '123456789012', '1234567890123', '1.'],
    ...['1,5', '-2,5', '1,1234567', '1.234,5'],
  ],
  money: [
    ...['0', '1200.50', '1.005', '-1', '-0', '12345678901234567', '1234567890123456.99', 'x'],
    ...['1200,50', '1.200,50', '-1,5'],
  ],
  verified: ['true', 'FALSE', 'yes'],
  source: ['admin', 'Admin', 'verifier', 'provider', 'x'],
};
const EVERYWHERE = [null, '', 'a\u0000', '2019', ' 12 '];

describe('each cell check', () => {
  for (const [type, own] of Object.entries(CELLS) as [ColumnType, string[]][]) {
    for (const [required, nul, decimalComma] of [
      [true, true, false],
      [false, true, false],
      [true, false, false],
      [true, true, true],
    ] as const) {
      const form = `${required ? 'required' : 'optional'}${nul ? '' : ', from a file without NUL'}${decimalComma ? ', decimal comma' : ''}`;
      it(`agrees with its problem: ${type}, ${form}`, async () => {
        const spec: ColumnSpec = { name: 'c', type, required };
        const cell = { sql: "NULLIF(trim(raw), '')", name: 't', nul, decimalComma };
        const sql = columnSql(d, spec, cell);
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

describe('the values and problems of the forgiving forms', () => {
  async function read(type: ColumnType, decimalComma: boolean, cells: string[]) {
    const spec: ColumnSpec = { name: 'c', type, required: true };
    const sql = columnSql(d, spec, { sql: 'raw', name: 't', decimalComma });
    const tests = sql.tests.map(([name, test]) => `, ${test} AS ${name}`).join('');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll(
        `SELECT CAST(${sql.value} AS VARCHAR) AS value, ${sql.problem} AS problem FROM (
          SELECT *${tests} FROM (SELECT raw, ${sql.text} AS t FROM (
            SELECT unnest(${listOf(cells)}) AS raw)))`,
      );
      return reader.getRowObjectsJS().map((r) => [r.value, r.problem]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }

  it('reads a decimal comma, and names a decimal point in its place as written', async () => {
    expect(await read('money', true, ['1200,50', '1200.50', '7'])).toEqual([
      ['120050', null],
      [null, { code: 'input.cell.not_an_amount', value: '1200.50' }],
      ['700', null],
    ]);
    expect(await read('number', true, ['-2,5', '2.5'])).toEqual([
      ['-2.500000', null],
      [null, { code: 'input.cell.not_a_number', value: '2.5' }],
    ]);
  });

  it('reads the 1st of a month as the month, and names any other day', async () => {
    const index = (year: number, month: number) => String(year * 12 + month - 1);
    expect(await read('month', false, ['2024-06-01', '2024-06', '2024-06-15'])).toEqual([
      [index(2024, 6), null],
      [index(2024, 6), null],
      [null, { code: 'input.cell.month_is_date', value: '2024-06-15' }],
    ]);
  });
});

/** A SQL list of the cells; a NUL goes in through chr(0), never inside a literal. */
function listOf(cells: (string | null)[]): string {
  const literal = (c: string) => c.split('\u0000').map(d.string).join(' || chr(0) || ');
  return `[${cells.map((c) => (c === null ? 'NULL' : literal(c))).join(', ')}]::VARCHAR[]`;
}
