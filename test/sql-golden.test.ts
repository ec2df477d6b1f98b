/**
 * The SQL the compiler generates for the worked example, pinned in test/golden/ so any change
 * to it shows in review (regenerate with `npx vitest run test/sql-golden.test.ts -u`). The
 * same SQL is run on DuckDB by every engine test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../src/domain/contract/contract.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { rulePieces } from '../src/domain/contract/versions.js';
import type { LocalDate } from '../src/domain/local-date.js';
import { participantsSql } from '../src/engine/sql/compile-participants.js';
import { compileRule } from '../src/engine/sql/compile-rule.js';
import { achievementsSql } from '../src/engine/sql/compile-run.js';
import { duckdb } from '../src/engine/sql/dialect.js';

const TINY = join(import.meta.dirname, '../examples/tiny');
const contract = parseContract(readFileSync(join(TINY, 'contract.yaml'), 'utf8'))
  .contract as Contract;
const asOf = '2019-06-30' as LocalDate;
const columns = new Set([
  'participant_id',
  'provider_id',
  'enrolled_on',
  'person_key',
  'birth_date',
  'group',
  'young_mother',
]);
const golden = (name: string) => join(import.meta.dirname, 'golden', `${name}.sql`);

describe('generated SQL for examples/tiny (DuckDB dialect)', () => {
  it('participants, eligibility and segments', async () => {
    await expect(participantsSql(duckdb, contract, asOf, columns)).toMatchFileSnapshot(
      golden('participants'),
    );
  });

  const outcomes = contract.versions[0]?.outcomes ?? [];
  it.each(outcomes.map((rule, i) => [rule.id, i] as const))('outcome %s', async (id, i) => {
    const rule = outcomes[i];
    const anchor = outcomes.findIndex((o) => o.id === rule?.after);
    const sql = compileRule(duckdb, rulePieces(contract, i), asOf, {
      table: `achieved_${i}`,
      anchorTable: anchor >= 0 ? `achieved_${anchor}` : null,
    });
    await expect(sql).toMatchFileSnapshot(golden(`outcome-${id}`));
  });

  it('achievements in cap order, with version and bonus', async () => {
    const tables = outcomes.map((_, i) => `achieved_${i}`);
    await expect(achievementsSql(duckdb, contract, tables, columns)).toMatchFileSnapshot(
      golden('achievements'),
    );
  });
});
