/**
 * The header problems that leave a file's cells unchecked: a reserved name, a missing
 * required column (with the header the file has, and the likely column when one is close,
 * or the separator the header seems to use), a column Resulta computes itself.
 */
import { type Problem, problem } from '../../domain/problem.js';
import { delimiterName } from '../../files/csv-dialect.js';
import { closestName } from './closest-name.js';
import type { HeaderNaming } from './header-names.js';
import { INPUT_COLUMNS, type InputRole, RESERVED_PREFIX } from './input-tables.js';
import type { OpenSource } from './open-source.js';

export function checkColumns(
  role: InputRole,
  source: Pick<OpenSource, 'columns' | 'otherDelimiter'>,
  naming: HeaderNaming,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const at = (column: string) => ({ file, row: 1, column });
  const names = new Set(source.columns.map((c) => c.name));
  for (const column of source.columns) {
    if (column.name.startsWith(RESERVED_PREFIX)) {
      problems.push(
        problem('input.header.reserved', { prefix: RESERVED_PREFIX }, at(shown(column))),
      );
    }
  }
  const header = source.columns.map(shown).join(', ');
  // Headers that name none of the table's columns nor a contract attribute: the likely
  // candidates for a required column spelled otherwise.
  const spare = source.columns
    .filter((c) => !INPUT_COLUMNS[role].some((s) => s.name === c.name))
    .filter((c) => !(naming.attributes ?? []).includes(c.name))
    .map(shown);
  for (const spec of INPUT_COLUMNS[role]) {
    if (!spec.required || names.has(spec.name)) continue;
    // A header read with the wrong separator misses every column for one reason: said once.
    if (
      source.otherDelimiter &&
      problems.some((p) => p.code === 'input.header.missing_other_delimiter')
    )
      continue;
    const suggestion = closestName(spec.name, spare);
    const column = spec.name;
    problems.push(
      source.otherDelimiter
        ? problem(
            'input.header.missing_other_delimiter',
            { column, header, delimiter: delimiterName(source.otherDelimiter) },
            at(column),
          )
        : suggestion
          ? problem('input.header.missing_did_you_mean', { column, header, suggestion }, at(column))
          : problem('input.header.missing', { column, header }, at(column)),
    );
  }
  if (role === 'participants' && names.has('age_at_enrolment')) {
    problems.push(problem('input.header.age_at_enrolment', {}, at('age_at_enrolment')));
  }
  return problems;
}

function shown(column: { name: string; shown?: string }): string {
  return column.shown ?? column.name;
}
